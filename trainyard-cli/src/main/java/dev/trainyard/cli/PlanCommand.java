package dev.trainyard.cli;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.Planner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  @Override
  public Integer call() {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (!s.startsWith("inputs.") || eq < 0 || eq == "inputs.".length()) {
        System.err.println("trainyard: --set '" + s + "': expected inputs.NAME=VALUE");
        return ExitCodes.BAD_INPUT;
      }
      overrides.put(s.substring("inputs.".length(), eq), s.substring(eq + 1));
    }
    SpecLoader loader = new SpecLoader(Workspaces.registry());
    SpecLoader.Result loaded = loader.load(file);
    if (!loaded.valid()) {
      return report(loaded.diagnostics());
    }
    SpecDocument doc = loaded.document();
    if (!(doc instanceof PipelineJob job)) {
      System.err.println(loader.display(file) + ": error: this is a " + doc.kindName()
          + "; plan takes a pipeline job or a command job");
      return ExitCodes.BAD_INPUT;
    }
    Plan plan = Planner.plan(job, overrides, loader.registry());
    if (plan.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      return report(concat(loaded.diagnostics(), plan.diagnostics()));
    }
    if (!output.quiet && !output.json) {
      concat(loaded.warnings(), plan.diagnostics()).forEach(d -> System.err.println(d.format()));
    }
    String name = loader.display(file);
    if (output.json) {
      System.out.println(PlanPrinter.json(plan, name, concat(loaded.warnings(), plan.diagnostics())));
    } else if (dot) {
      System.out.print(PlanPrinter.dot(plan, name));
    } else {
      System.out.print(PlanPrinter.text(plan, name));
    }
    return ExitCodes.OK;
  }

  private int report(List<Diagnostic> ds) {
    if (output.json) {
      System.out.println(Json.write(g -> {
        g.writeStartObject();
        g.writeStringField("file", new SpecLoader().display(file));
        g.writeBooleanField("valid", false);
        Json.diagnostics(g, "errors", ds.stream().filter(Diagnostic::isError).toList());
        Json.diagnostics(g, "warnings", ds.stream().filter(d -> !d.isError()).toList());
        g.writeEndObject();
      }));
    } else {
      ds.stream().filter(d -> d.isError() || !output.quiet).forEach(d -> System.err.println(d.format()));
    }
    return ExitCodes.BAD_INPUT;
  }

  private static List<Diagnostic> concat(List<Diagnostic> a, List<Diagnostic> b) {
    java.util.ArrayList<Diagnostic> all = new java.util.ArrayList<>(a);
    b.stream().filter(d -> !all.contains(d)).forEach(all::add);
    return all;
  }
}
