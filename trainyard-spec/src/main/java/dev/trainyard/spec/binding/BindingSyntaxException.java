package dev.trainyard.spec.binding;

/** A malformed binding or optional fragment; {@code offset} points into the parsed string. */
public final class BindingSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public BindingSyntaxException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
