package dev.trainyard.store.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a step run's {@code key_parts}: a flat JSON object of strings. */
public final class KeyParts {
  private static final JsonFactory JSON = new JsonFactory();

  private KeyParts() {}

  /** All parts, in order; empty for null or unreadable text. */
  public static Map<String, String> parse(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json == null) {
      return out;
    }
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.getCurrentName();
        JsonToken t = p.nextToken();
        if (t.isStructStart()) {
          p.skipChildren();
        } else {
          out.put(name, p.getValueAsString());
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** One part, or null. */
  public static String get(String json, String key) {
    return parse(json).get(key);
  }
}
