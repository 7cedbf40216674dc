package dev.trainyard.spec.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.plan.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small file per mistake under {@code broken/}, each with the exact errors {@code validate}
 * must give: file, line, column, YAML path, a message substring and the hint.
 */
class BrokenCorpusTest {
  private static final String DIR = "broken/";

  /** One expected error; {@code file} is null for the broken file itself. */
  record Expect(String file, int line, int column, String path, String message, String hint) {}

  static Expect at(int line, int column, String path, String message, String hint) {
    return new Expect(null, line, column, path, message, hint);
  }

  static Expect in(String file, int line, int column, String path, String message, String hint) {
    return new Expect(file, line, column, path, message, hint);
  }

  static Arguments broken(String file, String kind, Expect... errors) {
    return Arguments.of(file, kind, List.of(errors));
  }

  static Stream<Arguments> cases() {
    String paths = "paths are relative to the folder of src/test/resources/broken/";
    return Stream.of(
        // bindings that name nothing, with did-you-mean
        broken("undefined-step.yml", "pipeline job", at(12, 13, "jobs.train.inputs.data",
            "'${{parent.jobs.prep_dta.outputs.x}}' names no step 'prep_dta'", "did you mean 'prep_data'?")),
        broken("undefined-step-output.yml", "pipeline job", at(12, 13, "jobs.train.inputs.data",
            "'${{parent.jobs.prep_data.outputs.clean}}': step 'prep_data' has no output 'clean'",
            "its outputs: cleaned")),
        broken("undefined-parent-input.yml", "pipeline job", at(9, 11, "jobs.train.inputs.lr",
            "'${{parent.inputs.learning_rat}}' names no input of the pipeline", "did you mean 'learning_rate'?")),
        broken("command-unknown-input.yml", "pipeline job", at(4, 19, "jobs.run.command",
            "'${{inputs.mesage}}' names no input of step 'run'", "did you mean 'message'?")),
        broken("unknown-binding-scope.yml", "pipeline job", at(4, 19, "jobs.a.command",
            "unknown binding '${{parent.input.x}}'; expected inputs.X", null)),
        broken("parent-input-in-command.yml", "pipeline job", at(6, 37, "jobs.a.command",
            "'${{parent.inputs.rate}}' cannot be used in a command; bind it in the step's inputs", null)),
        broken("own-output-as-input.yml", "pipeline job", at(7, 10, "jobs.a.inputs.x",
            "'${{outputs.y}}' refers to the step's own ports", null)),
        broken("pipeline-output-as-input.yml", "pipeline job", at(9, 10, "jobs.a.inputs.x",
            "'${{parent.outputs.final}}' is a pipeline output; it can fill a step output, not an input", null)),
        broken("search-space-in-pipeline.yml", "pipeline job", at(4, 35, "jobs.a.command",
            "'${{search_space.lr}}' is a sweep parameter; sweep jobs are recognised but not supported yet", null)),
        broken("other-step-input.yml", "pipeline job", at(14, 10, "jobs.b.inputs.r",
            "'${{parent.jobs.a.inputs.r}}': a step cannot bind another step's input",
            "bind the pipeline input that step uses, ${{parent.inputs.NAME}}")),
        // a standalone job's keys are at the top of its file
        broken("bom-command-job.yml", "command job", at(1, 15, "command", "'${{inputs.nope}}' names no input of the job",
            "did you mean 'note'?")),
        broken("command-job-input-unset.yml", "command job", at(2, 13, "command",
            "input 'data' has no value but is used outside $[[...]]",
            "give it a value, or wrap it: $[[--data ${{inputs.data}}]]")),
        // pipeline outputs
        broken("unfilled-pipeline-output.yml", "pipeline job", at(3, 3, "outputs.model",
            "pipeline output 'model' is not filled by any step", "bind a step output to ${{parent.outputs.model}}")),
        broken("unknown-pipeline-output.yml", "pipeline job",
            at(9, 16, "jobs.train.outputs.trained", "'${{parent.outputs.modle}}' names no output of the pipeline",
                "did you mean 'model'?"),
            at(3, 3, "outputs.model", "pipeline output 'model' is not filled by any step",
                "bind a step output to ${{parent.outputs.model}}")),
        broken("nested-unfilled-output.yml", "pipeline job",
            in("components/unfilled-output-pipeline.yml", 6, 3, "outputs.model",
                "pipeline output 'model' is not filled by any step", "bind a step output to ${{parent.outputs.model}}"),
            at(10, 10, "jobs.use.inputs.m", "'${{parent.jobs.inner.outputs.model}}': the pipeline component of step"
                + " 'inner' declares output 'model' but none of its steps fills it",
                "bind an inner step's output to ${{parent.outputs.model}}")),
        broken("components/unfilled-output-pipeline.yml", "pipeline component", at(6, 3, "outputs.model",
            "pipeline output 'model' is not filled by any step", "bind a step output to ${{parent.outputs.model}}")),
        broken("nested-unknown-output.yml", "pipeline job",
            at(13, 7, "jobs.inner.outputs.trained", "component prep_and_train:1 has no output 'trained'",
                "its outputs: trained_model"),
            at(3, 3, "outputs.final", "pipeline output 'final' is not filled by any step",
                "bind a step output to ${{parent.outputs.final}}")),
        broken("bad-port-name.yml", "command job", at(3, 3, "inputs.bad name", "'bad name' is not a valid port name",
            "use letters, digits, '_' and '-', starting with a letter or '_'")),
        broken("step-output-binds-input.yml", "pipeline job", at(9, 10, "jobs.a.outputs.o",
            "a step output can only bind ${{parent.outputs.NAME}}, found '${{parent.inputs.x}}'", null)),
        // types, values and requirements against a component's declarations
        broken("string-into-folder.yml", "pipeline job", at(6, 13, "jobs.use.inputs.data",
            "type mismatch: input 'data' is a uri_folder but is given the string './data'",
            "give {type: uri_folder, path: ...} for a file or folder")),
        broken("output-into-integer.yml", "pipeline job", at(12, 14, "jobs.use.inputs.count",
            "type mismatch: input 'count' is an integer but is given the uri_folder output 'o' of step 'make'", null)),
        broken("integer-given-abc.yml", "pipeline job", at(11, 14, "jobs.use.inputs.count",
            "type mismatch: input 'count' is an integer but is given the string 'abc'", null)),
        broken("missing-required-input.yml", "pipeline job", at(7, 3, "jobs.use.inputs.label",
            "missing required input 'label' of component typed:1 (string)", "give it in the step's inputs")),
        broken("bad-enum.yml", "pipeline job", at(9, 14, "jobs.use.inputs.level",
            "'extreme' is not one of [low, medium, high] for input 'level'", null)),
        broken("below-min.yml", "pipeline job", at(9, 14, "jobs.use.inputs.count",
            "input 'count' is 0, below its min 1", null)),
        broken("above-max.yml", "pipeline job", at(9, 14, "jobs.use.inputs.count",
            "input 'count' is 11, above its max 10", null)),
        // a bad value is reported once, where it is written, not again in the components it reaches
        broken("nested-type-mismatch.yml", "pipeline job", at(10, 15, "jobs.outer.inputs.epochs",
            "type mismatch: input 'epochs' is an integer but is given the string 'many'", null)),
        broken("pipeline-input-out-of-range.yml", "pipeline job", at(5, 14, "inputs.batch",
            "input 'batch' is 99, above its max 10", null)),
        broken("component-no-such-input.yml", "pipeline job", at(10, 14, "jobs.use.inputs.levle",
            "component typed:1 has no input 'levle'", "did you mean 'level'?")),
        broken("component-no-such-output.yml", "pipeline job", at(11, 7, "jobs.use.outputs.results",
            "component typed:1 has no output 'results'", "did you mean 'result'?")),
        broken("optional-outside.yml", "pipeline job", in("components/optional-outside.yml", 10, 23, "command",
            "optional input 'extra' is unset in step 'run' but used outside $[[...]]",
            "wrap it: $[[--extra ${{inputs.extra}}]]")),
        broken("components/optional-outside.yml", "command component", at(10, 23, "command",
            "optional input 'extra' is unset in the component but used outside $[[...]]",
            "wrap it: $[[--extra ${{inputs.extra}}]]")),
        broken("unknown-io-type.yml", "pipeline job", at(4, 11, "inputs.data.type", "unknown type 'uri_folde'",
            "did you mean 'uri_folder'?")),
        broken("unknown-mode.yml", "pipeline job", at(10, 15, "jobs.run.inputs.d.mode", "unknown mode 'ro_mnt'",
            "did you mean 'ro_mount'?")),
        // graph
        broken("cycle.yml", "pipeline job", at(3, 3, "jobs.a", "cycle: a -> c -> b -> a",
            "a step cannot depend, directly or indirectly, on its own outputs")),
        broken("self-dependency.yml", "pipeline job", at(7, 10, "jobs.loop.inputs.x",
            "step 'loop' takes its own output as input", "a step cannot depend on itself")),
        broken("no-jobs.yml", "pipeline job", at(1, 1, "jobs", "a pipeline needs 'jobs' with at least one step", null)),
        // parallel steps
        broken("mini-batch-unit.yml", "pipeline job", at(12, 22, "jobs.score.mini_batch_size",
            "invalid mini_batch_size '10xb': expected a positive number of files or a size such as \"10kb\"", null)),
        broken("mini-batch-zero.yml", "pipeline job", at(12, 22, "jobs.score.mini_batch_size",
            "invalid mini_batch_size '0'", null)),
        broken("mini-batch-negative.yml", "pipeline job", at(12, 22, "jobs.score.mini_batch_size",
            "invalid mini_batch_size '-1'", null)),
        broken("parallel-bad-settings.yml", "pipeline job",
            at(10, 35, "jobs.score.max_concurrency_per_instance",
                "max_concurrency_per_instance must be between 1 and 10000, found 0", null),
            at(11, 22, "jobs.score.error_threshold", "error_threshold must be -1 (ignore failures) or a count, found -2",
                null),
            at(14, 20, "jobs.score.retry_settings.max_retries", "max_retries must not be negative, found -1", null),
            at(12, 20, "jobs.score.logging_level", "unknown logging_level 'VERBOSE'",
                "use DEBUG, INFO, WARNING, ERROR or CRITICAL")),
        broken("instance-count-zero.yml", "pipeline job", at(7, 23, "jobs.a.resources.instance_count",
            "instance_count must be between 1 and 10000, found 0", null)),
        broken("timeout-negative.yml", "pipeline job", at(7, 16, "jobs.a.limits.timeout",
            "timeout must be a positive number of seconds, found -5", null)),
        broken("parallel-no-task.yml", "pipeline job", at(4, 5, "jobs.score.task",
            "a parallel step needs a 'task' with an entry_script", null)),
        broken("input-data-not-binding.yml", "pipeline job", at(9, 17, "jobs.score.input_data",
            "input_data must be a single ${{inputs.NAME}}, found 'azureml://datastores/workspaceblobstore/paths/x/'",
            "give the data as a step input and refer to it: input_data: ${{inputs.data}}")),
        // files and references
        broken("code-missing.yml", "pipeline job", at(5, 11, "jobs.train.code",
            "code path './src/does-not-exist' does not exist (resolved to src/test/resources/broken/src/does-not-exist)",
            paths + "code-missing.yml")),
        broken("component-file-missing.yml", "pipeline job", at(4, 16, "jobs.use.component",
            "component file 'src/test/resources/broken/components/nope.yml' does not exist",
            paths + "component-file-missing.yml")),
        broken("pipeline-step-no-component.yml", "pipeline job", at(4, 5, "jobs.sub.component",
            "a pipeline step needs a 'component' (a pipeline component file)", null)),
        broken("step-type-mismatch.yml", "pipeline job", at(4, 11, "jobs.sub.type",
            "step type 'pipeline' does not match its component's type 'command'", null)),
        broken("component-is-not-a-component.yml", "pipeline job", at(4, 16, "jobs.sub.component",
            "'src/test/resources/good/kinds/data-asset.yml' is a data asset, not a component", null)),
        broken("registered-component.yml", "pipeline job", at(4, 16, "jobs.train.component",
            "component 'train_model:3' is not registered in this workspace",
            "register it with 'trainyard component create -f FILE', or refer to the file by path")),
        broken("registered-component-label.yml", "pipeline job", at(4, 16, "jobs.train.component",
            "component 'train_model@latest' is not registered in this workspace",
            "register it with 'trainyard component create -f FILE', or refer to the file by path")),
        broken("registry-component.yml", "pipeline job", at(4, 16, "jobs.train.component",
            "component 'train_model' lives in the Azure ML registry 'azureml', which Trainyard cannot reach",
            "copy the component's YAML next to the pipeline and refer to it by path")),
        broken("registered-data.yml", "pipeline job", at(5, 11, "inputs.taxi.path",
            "data asset 'nyc_taxi:2' is not registered in this workspace",
            "register it with 'trainyard data create --name nyc_taxi --path PATH'")),
        broken("registered-data-label.yml", "pipeline job", at(9, 15, "jobs.show.inputs.d.path",
            "data asset 'nyc_taxi@champion' is not registered in this workspace",
            "register it with 'trainyard data create --name nyc_taxi --path PATH'")),
        broken("data-path-missing.yml", "data asset", at(4, 7, "path", "path './not-there' does not exist",
            "paths are relative to the file's folder")),
        broken("create-job-missing.yml", "schedule", at(6, 13, "create_job",
            "job file './missing-pipeline.yml' does not exist (resolved to src/test/resources/broken/missing-pipeline.yml)",
            paths + "create-job-missing.yml")),
        broken("schedule-inline-bad.yml", "schedule", at(12, 21, "create_job.jobs.tock.command",
            "'${{inputs.nope}}' names no input of step 'tock'", "its inputs: none")),
        broken("schedule-overlay-unknown-input.yml", "schedule", at(10, 14, "create_job.inputs.greting",
            "the job has no input 'greting'", "did you mean 'greeting'?")),
        broken("bad-cron.yml", "schedule", at(4, 15, "trigger.expression",
            "a cron trigger needs a five-field 'expression'", "for example \"0 2 * * *\"")),
        // kinds Trainyard knows but does not run, and unknown ones
        broken("unknown-step-type.yml", "pipeline job", at(4, 11, "jobs.train.type", "unknown step type 'comand'",
            "did you mean 'command'?")),
        broken("unknown-top-type.yml", null, at(1, 7, "type", "unknown type 'pipline'", "did you mean 'pipeline'?")),
        broken("automl-step.yml", "pipeline job", at(3, 3, "jobs.classify",
            "automl steps are an Azure-only feature that Trainyard does not run", null)),
        broken("sweep-step.yml", "pipeline job", at(3, 3, "jobs.tune",
            "sweep steps are recognised but not supported yet",
            "run the trial component as a command step per parameter set")),
        broken("automl-job.yml", "automl job", at(2, 7, "type",
            "automl jobs and components are an Azure-only feature that Trainyard does not run", null)),
        broken("sweep-job.yml", "sweep job", at(2, 7, "type",
            "sweep jobs and components are recognised but not supported yet",
            "run the trial component as a command step per parameter set")),
        // malformed bindings
        broken("malformed-optional.yml", "pipeline job", in("components/malformed-optional.yml", 10, 24, "command",
            "optional fragment '$[[--x inputs.x]]' has no ${{inputs.NAME}} inside", null)),
        broken("components/malformed-optional.yml", "command component", at(10, 24, "command",
            "optional fragment '$[[--x inputs.x]]' has no ${{inputs.NAME}} inside", null)),
        broken("unclosed-binding.yml", "pipeline job", at(4, 19, "jobs.run.command",
            "'${{' is not closed with '}}'", null)),
        // positions inside folded and literal block commands
        broken("folded-malformed-optional.yml", "pipeline job", at(7, 7, "jobs.a.command",
            "optional fragment '$[[--x inputs.x]]' has no ${{inputs.NAME}} inside", null)),
        broken("literal-unclosed-binding.yml", "pipeline job", at(6, 12, "jobs.b.command",
            "'${{' is not closed with '}}'", null)),
        broken("literal-placeholder.yml", "pipeline job", at(6, 27, "jobs.b.command",
            "unfilled template placeholder <ATTACHED_SPARK_POOL_NAME>: this file is a template",
            "replace <ATTACHED_SPARK_POOL_NAME> with a real value")),
        broken("bound-path-malformed.yml", "pipeline job", at(11, 15, "jobs.b.inputs.d.path",
            "malformed reference 'azureml:taxi:': expected azureml:NAME:VERSION or azureml:NAME@LABEL", null)),
        // text-level problems
        broken("duplicate-key.yml", null, at(6, 3, "jobs.train", "duplicate key 'train' (first at line 3)",
            "remove one of them")),
        broken("mustache-placeholder.yml", null, at(3, 10, "",
            "unfilled template placeholder {{MODEL_VERSION}}: this file is a template, not valid YAML",
            "replace {{MODEL_VERSION}} with a real value before use")),
        broken("angle-placeholder.yml", "pipeline job", at(8, 14, "jobs.spark_step.compute",
            "unfilled template placeholder <ATTACHED_SPARK_POOL_NAME>: this file is a template",
            "replace <ATTACHED_SPARK_POOL_NAME> with a real value")),
        broken("tabs.yml", null, at(3, 1, "", "not valid YAML: found character '\\t(TAB)' that cannot start any token",
            null)),
        broken("invalid-yaml.yml", null, at(6, 1, "", "not valid YAML: found unexpected end of stream", null)),
        broken("comment-only.yml", null, at(1, 1, "", "file is empty", null)),
        broken("two-documents.yml", null, at(3, 1, "", "file holds more than one YAML document",
            "keep one pipeline or component per file")),
        broken("not-utf8.yml", null, at(4, 19, "", "file is not UTF-8: byte 0xFF at offset 44", "save the file as UTF-8")),
        broken("crlf-unknown-input.yml", "pipeline job", at(4, 19, "jobs.a.command",
            "'${{inputs.y}}' names no input of step 'a'", "did you mean 'x'?")),
        broken("empty.yml", null, at(1, 1, "", "file is empty", null)),
        broken("top-level-list.yml", null, at(1, 1, "", "expected a mapping at the top of the file, found a list",
            null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheseErrors(String file, String kind, List<Expect> expected) {
    Validator.Report r = Corpus.validate(DIR + file);
    assertThat(r.valid()).isFalse();
    assertThat(r.kind()).isEqualTo(kind);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    String all = Corpus.lines(r.diagnostics());
    assertThat(errors).as(all).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Expect e = expected.get(i);
      Diagnostic d = errors.get(i);
      String shown = Corpus.shown(DIR + (e.file() == null ? file : e.file()));
      assertThat(d.file()).as(all).isEqualTo(shown);
      assertThat(List.of(d.line(), d.column())).as(all).containsExactly(e.line(), e.column());
      assertThat(d.path()).as(all).isEqualTo(e.path());
      assertThat(d.message()).as(all).contains(e.message());
      assertThat(d.hint()).as(all).isEqualTo(e.hint());
    }
  }

  /** Every file of the broken corpus has its case above: a new file cannot go untested. */
  @org.junit.jupiter.api.Test
  void everyBrokenFileHasACase() throws IOException {
    Set<String> covered = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    List<String> files = new ArrayList<>();
    Path root = Corpus.file("broken");
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> p.toString().endsWith(".yml")).forEach(p -> files.add(root.relativize(p).toString()));
    }
    files.remove("components/typed.yml"); // valid: the component the type and range cases use
    assertThat(covered).containsExactlyInAnyOrderElementsOf(files);
  }
}
