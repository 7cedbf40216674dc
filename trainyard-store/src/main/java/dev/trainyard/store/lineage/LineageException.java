package dev.trainyard.store.lineage;

/** A lineage request that cannot be answered as asked (an unknown or ambiguous reference); the message is for the user. */
public final class LineageException extends Exception {
  public LineageException(String message) {
    super(message);
  }
}
