package dev.trainyard.spec.plan;

import dev.trainyard.spec.StepKind;

/** What Trainyard says about the step kinds it recognises but does not run. */
public final class Unsupported {
  private Unsupported() {}

  public static String message(StepKind kind) {
    return switch (kind) {
      case AUTOML -> "automl steps are an Azure-only feature that Trainyard does not run";
      case DATA_TRANSFER -> "data_transfer steps (copying between Azure datastores and databases) are an Azure-only"
          + " feature that Trainyard does not run";
      default -> "sweep steps are recognised but not supported yet";
    };
  }

  public static String hint(StepKind kind) {
    return switch (kind) {
      case SWEEP -> "run the trial component as a command step per parameter set";
      case DATA_TRANSFER -> "copy the data into a local folder or a registered data asset and use that as input";
      default -> null;
    };
  }
}
