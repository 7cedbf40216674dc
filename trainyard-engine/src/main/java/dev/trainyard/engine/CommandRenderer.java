package dev.trainyard.engine;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Template;
import java.util.Map;

/**
 * Turns a command template into the text given to {@code bash -c}: each {@code ${{inputs.X}}} and
 * {@code ${{outputs.X}}} becomes its shell-quoted value, and an {@code $[[...]]} fragment is
 * dropped when an input it names is unset. The template's own text is the user's shell code.
 */
public final class CommandRenderer {
  private final Map<String, String> inputs;
  private final Map<String, String> outputs;
  private final String runName;
  private final String datastore;

  /**
   * @param inputs input name to value (a path or a parameter's text); a missing or null value
   *     means the optional input is unset
   */
  public CommandRenderer(Map<String, String> inputs, Map<String, String> outputs, String runName, String datastore) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.runName = runName;
    this.datastore = datastore;
  }

  public String render(Template t) {
    StringBuilder sb = new StringBuilder();
    append(t.parts(), sb);
    return sb.toString();
  }

  private boolean append(java.util.List<Template.Part> parts, StringBuilder sb) {
    for (Template.Part p : parts) {
      if (p instanceof Template.Text tx) {
        sb.append(tx.text());
      } else if (p instanceof Template.Ref r) {
        String v = value(r.binding());
        if (v == null) {
          return false;
        }
        sb.append(ShellQuote.quote(v));
      } else if (p instanceof Template.Optional o) {
        StringBuilder inner = new StringBuilder();
        if (append(o.parts(), inner)) {
          sb.append(inner);
        }
      }
    }
    return true;
  }

  private String value(Binding b) {
    return switch (b.scope()) {
      case INPUTS -> inputs.get(b.port());
      case OUTPUTS -> outputs.get(b.port());
      case RUN_NAME -> runName;
      case DEFAULT_DATASTORE -> datastore;
      default -> throw new IllegalStateException("binding " + b + " cannot appear in a command (the planner checks this)");
    };
  }
}
