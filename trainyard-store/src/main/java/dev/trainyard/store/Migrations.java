package dev.trainyard.store;

import org.flywaydb.core.Flyway;

/**
 * Versioned schema migrations, one set per SQL dialect, applied with Flyway. Flyway, like the
 * SQLite driver, logs through SLF4J (slf4j-simple, to stderr): java.util.logging's set-up cost
 * ~20 ms of every start, SLF4J's a few.
 */
final class Migrations {
  /** slf4j-simple's setting for Flyway's loggers, which report every step at INFO. */
  private static final String FLYWAY_LEVEL = "org.slf4j.simpleLogger.log.org.flywaydb";

  private Migrations() {}

  static void migrate(String sqliteUrl) {
    // The CLI's simplelogger.properties says the same; this covers other class paths (tests, tools).
    if (System.getProperty(FLYWAY_LEVEL) == null) {
      System.setProperty(FLYWAY_LEVEL, "warn");
    }
    Flyway.configure()
        .dataSource(sqliteUrl, null, null)
        .locations("classpath:db/migration/sqlite")
        .load()
        .migrate();
  }
}
