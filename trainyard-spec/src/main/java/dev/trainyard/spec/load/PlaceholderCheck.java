package dev.trainyard.spec.load;

import dev.trainyard.spec.yaml.YNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unfilled template placeholders such as {@code <ATTACHED_SPARK_POOL_NAME>} in values: the
 * examples collection ships templates that are YAML but not runnable. ({@code {{X}}} placeholders
 * are caught before parsing, because they are not valid YAML values.)
 */
final class PlaceholderCheck {
  private static final Pattern ANGLE = Pattern.compile("<([A-Z][A-Z0-9_\\-]{2,})>");
  private final Ctx ctx;

  PlaceholderCheck(Ctx ctx) {
    this.ctx = ctx;
  }

  void scan(YNode node, String path) {
    if (node instanceof YNode.Scalar s) {
      Matcher m = ANGLE.matcher(s.value());
      if (m.find()) {
        ctx.out.error(ctx.locateOffset(s, m.start()), path, "unfilled template placeholder " + m.group()
            + ": this file is a template", "replace " + m.group() + " with a real value");
      }
    } else if (node instanceof YNode.Mapping map) {
      for (YNode.Entry e : map.entries().values()) {
        scan(e.value(), path.isEmpty() ? e.key().value() : path + "." + e.key().value());
      }
    } else if (node instanceof YNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        scan(seq.items().get(i), path + "[" + i + "]");
      }
    }
  }
}
