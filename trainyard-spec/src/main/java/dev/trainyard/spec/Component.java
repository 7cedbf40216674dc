package dev.trainyard.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A reusable step definition: what a step runs and which typed ports it has. Inline steps get an
 * anonymous component whose ports are inferred from the step's bindings.
 */
public sealed interface Component extends SpecDocument
    permits Component.Command, Component.Parallel, Component.Spark, Component.Pipeline, Component.Unsupported {

  Meta meta();

  Map<String, PortSpec> inputs();

  Map<String, PortSpec> outputs();

  StepKind kind();

  /** The file the component was defined in. */
  Path source();

  /**
   * A command component.
   *
   * @param command the command line, with bindings
   * @param code the code folder or file snapshotted into the step's working directory, or null
   * @param isDeterministic false turns reuse off
   * @param distribution a distributed-training section, recorded ({@code pytorch}, {@code mpi}...)
   */
  record Command(
      Meta meta, Map<String, PortSpec> inputs, Map<String, PortSpec> outputs, Template command,
      Reference code, Environment environment, boolean isDeterministic, List<Reference> additionalIncludes,
      String distribution, Resources resources, Map<String, String> environmentVariables, Path source)
      implements Component {
    @Override
    public StepKind kind() {
      return StepKind.COMMAND;
    }
  }

  /**
   * A parallel step definition with Azure ML semantics.
   *
   * @param inputData the {@code input_data} binding, split into mini-batches
   * @param miniBatchSize as written: a count ({@code 10}) or a size ({@code "10kb"})
   * @param errorThreshold failures tolerated over the whole step; -1 ignores failures
   */
  record Parallel(
      Meta meta, Map<String, PortSpec> inputs, Map<String, PortSpec> outputs, Template inputData,
      MiniBatchSize miniBatchSize, int maxConcurrencyPerInstance, int miniBatchErrorThreshold,
      int errorThreshold, int maxRetries, Long retryTimeoutSeconds, String loggingLevel,
      List<String> partitionKeys, ParallelTask task, Resources resources,
      Map<String, String> environmentVariables, boolean isDeterministic, Path source)
      implements Component {
    @Override
    public StepKind kind() {
      return StepKind.PARALLEL;
    }
  }

  /**
   * A parallel step's {@code task}: the entry called once per mini-batch.
   *
   * @param entryScript a script file, or a Java class name for {@code type: java}
   */
  record ParallelTask(
      String type, Reference code, String entryScript, Template programArguments, Template appendRowTo,
      Environment environment) {}

  /** A Spark job definition: {@code entry.file} or {@code entry.class_name}, args and conf. */
  record Spark(
      Meta meta, Map<String, PortSpec> inputs, Map<String, PortSpec> outputs, Reference code,
      String entryFile, String entryClass, List<String> pyFiles, List<String> jars,
      Map<String, String> conf, Template args, Environment environment, Path source)
      implements Component {
    @Override
    public StepKind kind() {
      return StepKind.SPARK;
    }
  }

  /** A pipeline component: a graph of steps with its own ports. */
  record Pipeline(
      Meta meta, Map<String, PortSpec> inputs, Map<String, PortSpec> outputs, Map<String, Step> jobs,
      Settings settings, Path source)
      implements Component {
    @Override
    public StepKind kind() {
      return StepKind.PIPELINE;
    }
  }

  /** A recognised kind Trainyard does not run: {@code sweep}, {@code automl}. */
  record Unsupported(Meta meta, StepKind kind, Map<String, PortSpec> inputs, Map<String, PortSpec> outputs, Path source)
      implements Component {}
}
