package dev.trainyard.spec;

/**
 * A parallel step's {@code mini_batch_size}: a number of files, or a byte size written with a unit
 * ({@code "10kb"}, {@code "1mb"}, {@code "1gb"}).
 */
public record MiniBatchSize(String raw, long files, long bytes) {

  public static final MiniBatchSize DEFAULT = new MiniBatchSize("1", 1, 0);

  public MiniBatchSize {
    if ((files > 0) == (bytes > 0)) {
      throw new IllegalArgumentException("exactly one of files and bytes must be positive");
    }
  }

  /**
   * Parses {@code 10}, {@code "10"}, {@code "10kb"}, {@code "1.5 MB"}; returns null when the text is
   * neither a positive count nor a positive size.
   */
  public static MiniBatchSize parse(String raw) {
    String s = raw.trim().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb)?").matcher(s);
    if (!m.matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    if (m.group(2) == null) {
      if (n != Math.rint(n) || n < 1 || n > Integer.MAX_VALUE) {
        return null;
      }
      return new MiniBatchSize(raw, (long) n, 0);
    }
    long unit = switch (m.group(2)) {
      case "b" -> 1L;
      case "kb" -> 1L << 10;
      case "mb" -> 1L << 20;
      case "gb" -> 1L << 30;
      default -> 1L << 40;
    };
    double bytes = n * unit;
    if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
      return null;
    }
    return new MiniBatchSize(raw, 0, (long) bytes);
  }

  public boolean bySize() {
    return bytes > 0;
  }
}
