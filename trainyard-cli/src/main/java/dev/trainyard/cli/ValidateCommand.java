package dev.trainyard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trainyard validate FILE...}: exit 0 when every file is valid, 2 otherwise. */
@Command(name = "validate", description = "Check pipeline, component and asset YAML files.",
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "YAML files to check.")
  List<Path> files;

  @Mixin OutputOptions output;

  @picocli.CommandLine.Option(names = "--workspace", paramLabel = "DIR", description = "Workspace whose registries"
      + " azureml:NAME:VERSION references resolve against (default: $TRAINYARD_HOME or ./.trainyard).")
  Path workspace;

  @Override
  public Integer call() {
    var registry = Workspaces.registry(workspace);
    Validator validator = new Validator(new SpecLoader(registry));
    List<Validator.Report> reports = new ArrayList<>();
    for (Path f : files) {
      reports.add(validator.validate(f));
    }
    boolean allValid = reports.stream().allMatch(Validator.Report::valid);
    if (output.json) {
      System.out.println(Json.write(g -> json(g, reports)));
    } else {
      for (Validator.Report r : reports) {
        for (Diagnostic d : r.diagnostics()) {
          if (d.isError() || !output.quiet) {
            System.err.println(d.format());
          }
        }
        if (!output.quiet) {
          String name = new SpecLoader().display(r.file());
          long errors = r.diagnostics().stream().filter(Diagnostic::isError).count();
          long warnings = r.diagnostics().size() - errors;
          System.out.println(r.valid()
              ? name + ": valid " + r.kind() + (warnings > 0 ? " (" + warnings + " warning" + (warnings > 1 ? "s" : "") + ")" : "")
              : name + ": invalid (" + errors + " error" + (errors > 1 ? "s" : "") + ")");
        }
      }
    }
    try {
      registry.close();
    } catch (java.sql.SQLException e) {
      // Only reads happened; nothing to lose.
    }
    return allValid ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  private static void json(JsonGenerator g, List<Validator.Report> reports) throws java.io.IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("files");
    for (Validator.Report r : reports) {
      g.writeStartObject();
      g.writeStringField("file", new SpecLoader().display(r.file()));
      g.writeBooleanField("valid", r.valid());
      if (r.kind() != null) {
        g.writeStringField("kind", r.kind());
      }
      Json.diagnostics(g, "errors", r.diagnostics().stream().filter(Diagnostic::isError).toList());
      Json.diagnostics(g, "warnings", r.diagnostics().stream().filter(d -> !d.isError()).toList());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
