package dev.trainyard.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trainyard.spec.Diagnostic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Small helpers around Jackson's streaming generator for the CLI's {@code --json} output. */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Writes with {@code body} and returns the pretty-printed text. */
  static String write(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  /** Something that writes JSON. */
  interface Body {
    void write(JsonGenerator g) throws Exception;
  }

  static void diagnostics(JsonGenerator g, String field, List<Diagnostic> ds) throws IOException {
    g.writeArrayFieldStart(field);
    for (Diagnostic d : ds) {
      g.writeStartObject();
      g.writeStringField("file", d.file());
      g.writeNumberField("line", d.line());
      g.writeNumberField("column", d.column());
      g.writeStringField("path", d.path());
      g.writeStringField("message", d.message());
      if (d.hint() != null) {
        g.writeStringField("hint", d.hint());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      g.writeNumber(d);
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
