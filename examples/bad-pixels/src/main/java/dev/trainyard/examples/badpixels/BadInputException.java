package dev.trainyard.examples.badpixels;

import java.io.IOException;
import java.nio.file.Path;

/** An input file or folder that cannot be used; the message names it and says why. */
public final class BadInputException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /** A problem with {@code path}; the message reads {@code "PATH: WHY"}. */
  public BadInputException(Path path, String why) {
    super(path + ": " + why);
    this.path = path;
  }

  /** The file or folder at fault. */
  public Path path() {
    return path;
  }
}
