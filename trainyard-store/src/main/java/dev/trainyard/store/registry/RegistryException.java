package dev.trainyard.store.registry;

/** A registry request that cannot be done as asked: its message is for the user, and nothing was written. */
public final class RegistryException extends Exception {
  public RegistryException(String message) {
    super(message);
  }
}
