package dev.trainyard.spec;

/**
 * The kinds of step a pipeline may hold. {@code sweep}, {@code automl} and {@code data_transfer}
 * are recognised only.
 */
public enum StepKind {
  COMMAND("command"),
  PARALLEL("parallel"),
  PIPELINE("pipeline"),
  SPARK("spark"),
  SWEEP("sweep"),
  AUTOML("automl"),
  /** Azure's copy/import/export between datastores and databases. */
  DATA_TRANSFER("data_transfer");

  private final String yamlName;

  StepKind(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** Whether Trainyard can run this kind. */
  public boolean isSupported() {
    return this != SWEEP && this != AUTOML && this != DATA_TRANSFER;
  }

  public static java.util.Optional<StepKind> parse(String s) {
    for (StepKind k : values()) {
      if (k.yamlName.equals(s)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return yamlName;
  }
}
