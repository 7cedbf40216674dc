package dev.trainyard.cli;

import dev.trainyard.spec.load.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trainyard plan FILE}: the steps in execution order with resolved inputs, outputs and compute. */
@Command(name = "plan", description = "Show the execution plan of a pipeline job.", mixinStandardHelpOptions = true)
final class PlanCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Pipeline (or command job) YAML file.")
  Path file;

  @Option(names = "--set", paramLabel = "inputs.NAME=VALUE", description = "Override a pipeline input (repeatable).")
  List<String> sets = List.of();

  @Option(names = "--dot", description = "Print the step graph in Graphviz dot syntax.")
  boolean dot;

  @Mixin OutputOptions output;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() {
    Map<String, String> overrides = SetOptions.parse(sets);
    if (overrides == null) {
      return ExitCodes.BAD_INPUT;
    }
    Plans.Outcome o = Plans.make(file, overrides, workspace.dir());
    if (!o.ok()) {
      return Plans.report(o, file, output);
    }
    if (!output.quiet && !output.json) {
      o.warnings().forEach(d -> System.err.println(d.format()));
    }
    String name = new SpecLoader().display(file);
    if (output.json) {
      System.out.println(PlanPrinter.json(o.plan(), name, o.warnings()));
    } else if (dot) {
      System.out.print(PlanPrinter.dot(o.plan(), name));
    } else {
      System.out.print(PlanPrinter.text(o.plan(), name));
    }
    return ExitCodes.OK;
  }
}
