package dev.trainyard.spec.yaml;

import dev.trainyard.spec.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with its source position: the loader's view of a document. Built by {@link
 * YamlReader} from SnakeYAML Engine's node graph, after the hostile-input checks, so that the rest
 * of the loader never sees aliases, duplicate keys or non-scalar keys.
 */
public sealed interface YNode permits YNode.Scalar, YNode.Mapping, YNode.Sequence {

  SourceSpan at();

  /** A short word for messages: "a mapping", "a list", "a string". */
  String kindWord();

  /**
   * A scalar, kept as text; typing (numbers, booleans) is the loader's business because this
   * dialect's files are loose ({@code True}, {@code version: 1}).
   *
   * @param plain true for an unquoted scalar, whose text may mean a number, boolean or null
   * @param end where the scalar ends (for finding text inside block scalars)
   */
  record Scalar(String value, boolean plain, SourceSpan at, SourceSpan end) implements YNode {
    /** An unquoted empty value or {@code ~}/{@code null}. */
    public boolean isNull() {
      return plain && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
    }

    @Override
    public String kindWord() {
      return isNull() ? "an empty value" : "a scalar";
    }
  }

  /** A mapping with string keys in document order; the key nodes keep their positions. */
  record Mapping(Map<String, Entry> entries, SourceSpan at) implements YNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    @Override
    public String kindWord() {
      return "a mapping";
    }
  }

  /** One key and its value. */
  record Entry(Scalar key, YNode value) {}

  /** A sequence. */
  record Sequence(List<YNode> items, SourceSpan at) implements YNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindWord() {
      return "a list";
    }
  }
}
