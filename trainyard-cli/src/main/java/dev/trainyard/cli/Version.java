package dev.trainyard.cli;

import picocli.CommandLine;

/** Reports the Trainyard version from the jar manifest, and the Java runtime. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "trainyard " + (v == null ? "dev" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("os.name") + " "
          + System.getProperty("os.arch") + ")"
    };
  }
}
