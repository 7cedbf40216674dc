package dev.trainyard.store;

import java.io.IOException;

/** An object whose bytes no longer match its hash: tampered with or damaged, never served. */
public final class CorruptObjectException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptObjectException(String expected, String actual, String where) {
    super("object " + expected + " is corrupt: its content hashes to " + actual + " (" + where + ")");
  }
}
