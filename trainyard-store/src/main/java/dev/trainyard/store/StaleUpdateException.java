package dev.trainyard.store;

import java.sql.SQLException;

/** An optimistic-locking conflict: the row changed since it was read (another process moved it on). */
public final class StaleUpdateException extends SQLException {
  private static final long serialVersionUID = 1L;

  public StaleUpdateException(String what) {
    super(what + " was changed by another process");
  }
}
