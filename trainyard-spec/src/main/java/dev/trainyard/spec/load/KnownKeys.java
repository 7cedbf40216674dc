package dev.trainyard.spec.load;

import java.util.HashSet;
import java.util.Set;

/** The keys of each object of the dialect; anything else is warned about, never refused. */
final class KnownKeys {
  private KnownKeys() {}

  static final Set<String> COMMON = Set.of("$schema", "type", "name", "display_name", "description",
      "tags", "properties", "version");

  static final Set<String> PIPELINE_JOB = union(COMMON, Set.of("experiment_name", "settings", "inputs",
      "outputs", "jobs", "compute", "component", "identity", "services", "is_archived", "status"));

  static final Set<String> SETTINGS = Set.of("default_compute", "default_datastore",
      "continue_on_step_failure", "force_rerun", "default_environment", "on_init", "on_finalize",
      "continue_run_on_failed_optional_input", "timeout", "priority");

  private static final Set<String> STEP_COMMON = union(COMMON, Set.of("component", "inputs", "outputs",
      "compute", "environment", "environment_variables", "resources", "limits", "identity", "services",
      "experiment_name", "is_deterministic", "queue_settings", "settings"));

  static final Set<String> COMMAND_FIELDS = Set.of("command", "code", "distribution",
      "additional_includes", "is_deterministic", "environment_variables");

  static final Set<String> COMMAND_STEP = union(STEP_COMMON, COMMAND_FIELDS);

  static final Set<String> PARALLEL_FIELDS = Set.of("input_data", "mini_batch_size",
      "max_concurrency_per_instance", "mini_batch_error_threshold", "error_threshold", "retry_settings",
      "logging_level", "partition_keys", "task", "code", "environment_variables");

  static final Set<String> PARALLEL_STEP = union(STEP_COMMON, PARALLEL_FIELDS);

  static final Set<String> SPARK_FIELDS = Set.of("code", "entry", "py_files", "jars", "files", "archives",
      "conf", "args", "driver_cores", "driver_memory", "executor_cores", "executor_memory",
      "executor_instances", "dynamic_allocation_enabled", "dynamic_allocation_min_executors",
      "dynamic_allocation_max_executors");

  static final Set<String> SPARK_STEP = union(STEP_COMMON, SPARK_FIELDS);

  static final Set<String> PIPELINE_STEP = STEP_COMMON;

  static final Set<String> COMPONENT_COMMON = union(COMMON, Set.of("inputs", "outputs", "environment",
      "is_deterministic", "resources", "code", "additional_includes", "environment_variables"));

  static final Set<String> COMMAND_COMPONENT = union(COMPONENT_COMMON, Set.of("command", "distribution"));

  static final Set<String> PARALLEL_COMPONENT = union(COMPONENT_COMMON, PARALLEL_FIELDS);

  static final Set<String> SPARK_COMPONENT = union(COMPONENT_COMMON, SPARK_FIELDS);

  static final Set<String> PIPELINE_COMPONENT = union(COMMON, Set.of("inputs", "outputs", "jobs", "settings"));

  static final Set<String> INPUT = Set.of("type", "path", "mode", "optional", "default", "description",
      "min", "max", "enum", "value", "datastore", "name", "version");

  static final Set<String> OUTPUT = Set.of("type", "path", "mode", "name", "version", "description",
      "datastore", "early_available", "is_control", "optional");

  static final Set<String> RESOURCES = Set.of("instance_count", "instance_type", "shm_size",
      "docker_args", "properties", "runtime_version", "locations", "max_instance_count");

  static final Set<String> LIMITS = Set.of("timeout", "max_total_trials", "max_concurrent_trials",
      "trial_timeout", "max_trials", "max_concurrent_iterations", "enable_early_termination",
      "exit_score", "max_cores_per_trial", "max_nodes", "max_iterations", "timeout_minutes",
      "trial_timeout_minutes");

  static final Set<String> TASK = Set.of("type", "code", "entry_script", "program_arguments",
      "append_row_to", "environment", "class_name", "entry_class");

  static final Set<String> RETRY = Set.of("max_retries", "timeout");

  static final Set<String> ENVIRONMENT = union(COMMON, Set.of("image", "conda_file", "build",
      "os_type", "inference_config", "intellectual_property"));

  static final Set<String> ASSET = union(COMMON, Set.of("path", "datastore", "stage", "flavors",
      "intellectual_property"));

  static final Set<String> SCHEDULE = union(COMMON, Set.of("trigger", "create_job", "create_monitor",
      "is_enabled"));

  static final Set<String> TRIGGER = Set.of("type", "expression", "start_time", "end_time", "time_zone",
      "frequency", "interval", "schedule");

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
