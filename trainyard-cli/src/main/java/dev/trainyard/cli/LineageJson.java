package dev.trainyard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trainyard.store.lineage.LineageEdge;
import dev.trainyard.store.lineage.LineageGraph;
import dev.trainyard.store.lineage.LineageNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A lineage graph as JSON: {@code {"direction", "roots": [keys], "nodes": [{"key", "kind", "id",
 * "label", ...details}], "edges": [{"from", "to", "kind", "label"}], "notes": [...]}}. Folders list
 * every file ({@code file_list}), never capped.
 */
final class LineageJson {
  private LineageJson() {}

  static String write(LineageGraph g) {
    return Json.write(j -> {
      j.writeStartObject();
      j.writeStringField("direction", g.upstream() && g.downstream() ? "both" : g.upstream() ? "upstream" : "downstream");
      j.writeArrayFieldStart("roots");
      for (String r : g.roots()) {
        j.writeString(r);
      }
      j.writeEndArray();
      j.writeArrayFieldStart("nodes");
      for (LineageNode n : g.nodes()) {
        j.writeStartObject();
        j.writeStringField("key", n.key());
        j.writeStringField("kind", n.kind().word());
        j.writeStringField("id", n.id());
        j.writeStringField("label", n.label());
        for (var a : n.attrs().entrySet()) {
          j.writeFieldName(a.getKey());
          value(j, a.getValue());
        }
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("edges");
      for (LineageEdge e : g.edges()) {
        j.writeStartObject();
        j.writeStringField("from", e.from());
        j.writeStringField("to", e.to());
        j.writeStringField("kind", e.kind().word());
        if (e.label() != null) {
          j.writeStringField("label", e.label());
        }
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("notes");
      for (String note : g.notes()) {
        j.writeString(note);
      }
      j.writeEndArray();
      j.writeEndObject();
    });
  }

  private static void value(JsonGenerator j, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      j.writeStartObject();
      for (var e : m.entrySet()) {
        j.writeStringField(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
      j.writeEndObject();
    } else if (v instanceof List<?> list) {
      j.writeStartArray();
      for (Object o : list) {
        if (o instanceof LineageNode.FileEntry f) {
          j.writeStartObject();
          j.writeStringField("path", f.path());
          j.writeStringField("sha256", f.sha256());
          j.writeEndObject();
        } else {
          j.writeString(String.valueOf(o));
        }
      }
      j.writeEndArray();
    } else {
      Json.value(j, v);
    }
  }
}
