package dev.trainyard.examples.badpixels;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * YUV4MPEG2 ({@code .y4m}), the uncompressed video format of raw sensor dumps: a text header line
 * such as {@code YUV4MPEG2 W64 H48 F25:1 Ip A1:1 Cmono}, then per frame a {@code FRAME} line and
 * the planes. This example writes 8-bit grey ({@code Cmono}); the reader also takes 4:2:0 and
 * 4:4:4 files and keeps their luma plane.
 */
public final class Y4m {
  private Y4m() {}

  static final String MAGIC = "YUV4MPEG2";

  /**
   * A stream's header.
   *
   * @param width frame width in pixels
   * @param height frame height in pixels
   * @param fps frame rate as written, e.g. {@code 25:1}
   * @param colorspace the {@code C} parameter, {@code mono} for grey
   */
  public record Header(int width, int height, String fps, String colorspace) {
    /** Bytes of the luma plane of one frame. */
    public int lumaBytes() {
      return width * height;
    }

    /** Bytes of chroma that follow the luma plane in each frame. */
    int chromaBytes() {
      if (colorspace.startsWith("mono")) {
        return 0;
      }
      if (colorspace.startsWith("444")) {
        return 2 * width * height;
      }
      if (colorspace.startsWith("422")) {
        return 2 * ((width + 1) / 2) * height;
      }
      return 2 * ((width + 1) / 2) * ((height + 1) / 2); // 420, 420jpeg, 420mpeg2, 420paldv
    }

    /** The header line, without its newline. */
    public String line() {
      return MAGIC + " W" + width + " H" + height + " F" + fps + " Ip A1:1 C" + colorspace;
    }
  }

  /** Reads frames one at a time; every problem is a {@link BadInputException} naming the file. */
  public static final class Reader implements Closeable {
    private final Path file;
    private final InputStream in;
    private final Header header;
    private int frames;

    private Reader(Path file, InputStream in, Header header) {
      this.file = file;
      this.in = in;
      this.header = header;
    }

    /** Opens a file and reads its header. */
    public static Reader open(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(file, "no such video file");
      }
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
      try {
        return new Reader(file, in, readHeader(file, in));
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    }

    /** The stream's header. */
    public Header header() {
      return header;
    }

    /** Frames read so far. */
    public int framesRead() {
      return frames;
    }

    /**
     * Reads the next frame's luma plane into {@code luma} (at least {@code width*height} bytes).
     *
     * @return false at the end of the file
     */
    public boolean next(byte[] luma) throws IOException {
      String tag = line(file, in, 4096);
      if (tag == null) {
        return false;
      }
      if (!tag.equals("FRAME") && !tag.startsWith("FRAME ")) {
        throw new BadInputException(file, "frame " + frames + " does not start with FRAME (found '"
            + printable(tag) + "'); the file is damaged or not YUV4MPEG2");
      }
      readFully(luma, header.lumaBytes(), "luma");
      long skip = header.chromaBytes();
      while (skip > 0) {
        long n = in.skip(skip);
        if (n <= 0) {
          if (in.read() < 0) {
            throw truncated("chroma");
          }
          n = 1;
        }
        skip -= n;
      }
      frames++;
      return true;
    }

    private void readFully(byte[] buf, int len, String what) throws IOException {
      int off = 0;
      while (off < len) {
        int n = in.read(buf, off, len - off);
        if (n < 0) {
          throw new BadInputException(file, "truncated: frame " + frames + " has " + off + " of " + len + " "
              + what + " bytes (" + header.width() + "x" + header.height() + ")");
        }
        off += n;
      }
    }

    private BadInputException truncated(String what) {
      return new BadInputException(file, "truncated: frame " + frames + " ends inside its " + what + " planes");
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Writes 8-bit grey frames. */
  public static final class Writer implements Closeable {
    private final OutputStream out;
    private final Header header;

    /** Creates {@code file} and writes a {@code Cmono} header. */
    public Writer(Path file, int width, int height, int fps) throws IOException {
      this.header = new Header(width, height, fps + ":1", "mono");
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
      out.write((header.line() + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends one frame of {@code width*height} bytes. */
    public void write(byte[] luma) throws IOException {
      if (luma.length < header.lumaBytes()) {
        throw new IllegalArgumentException("frame of " + luma.length + " bytes; " + header.lumaBytes() + " needed");
      }
      out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
      out.write(luma, 0, header.lumaBytes());
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  static Header readHeader(Path file, InputStream in) throws IOException {
    String line = line(file, in, 1024);
    if (line == null) {
      throw new BadInputException(file, "empty file; expected a YUV4MPEG2 video");
    }
    if (!line.startsWith(MAGIC + " ") && !line.equals(MAGIC)) {
      throw new BadInputException(file, "not a YUV4MPEG2 video (it starts with '" + printable(line) + "')");
    }
    int w = -1;
    int h = -1;
    String fps = "25:1";
    String c = "420jpeg";
    for (String p : line.substring(MAGIC.length()).trim().split(" +")) {
      if (p.isEmpty()) {
        continue;
      }
      String v = p.substring(1);
      try {
        switch (p.charAt(0)) {
          case 'W' -> w = Integer.parseInt(v);
          case 'H' -> h = Integer.parseInt(v);
          case 'F' -> fps = v;
          case 'C' -> c = v;
          default -> { } // I (interlacing), A (aspect), X (extensions): not needed
        }
      } catch (NumberFormatException e) {
        throw new BadInputException(file, "bad YUV4MPEG2 header parameter '" + p + "'");
      }
    }
    if (w <= 0 || h <= 0 || (long) w * h > 1L << 28) {
      throw new BadInputException(file, "YUV4MPEG2 header lacks a valid size (W" + w + " H" + h + ")");
    }
    if (!c.startsWith("mono") && !c.startsWith("420") && !c.startsWith("422") && !c.startsWith("444")) {
      throw new BadInputException(file, "unsupported YUV4MPEG2 colour space C" + c + " (mono, 420, 422, 444 are read)");
    }
    if (c.contains("p1") || c.contains("p9")) {
      throw new BadInputException(file, "high-bit-depth YUV4MPEG2 (C" + c + ") is not supported; 8-bit only");
    }
    return new Header(w, h, fps, c);
  }

  /** A line of at most {@code max} ASCII bytes, or null at the end of the stream. */
  private static String line(Path file, InputStream in, int max) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        if (sb.length() == 0) {
          return null;
        }
        throw new BadInputException(file, "truncated: the file ends inside a header line ('" + printable(sb) + "')");
      }
      if (sb.length() >= max) {
        throw new BadInputException(file, "not a YUV4MPEG2 video (no header line in the first " + max + " bytes)");
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  private static String printable(CharSequence s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(s.length(), 32); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return s.length() > 32 ? sb + "..." : sb.toString();
  }

}
