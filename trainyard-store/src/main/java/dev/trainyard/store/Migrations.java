package dev.trainyard.store;

import org.flywaydb.core.Flyway;

/** Versioned schema migrations, one set per SQL dialect, applied with Flyway. */
final class Migrations {
  // Held so the level sticks: Flyway reports every step at INFO through java.util.logging.
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

  private Migrations() {}

  static void migrate(String sqliteUrl) {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    Flyway.configure()
        .dataSource(sqliteUrl, null, null)
        .locations("classpath:db/migration/sqlite")
        .load()
        .migrate();
  }
}
