package dev.trainyard.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the logging commands steps print on stdout, in the style of CI systems' workflow
 * commands: {@code ##trainyard[metric name=loss value=0.25 step=3]} and {@code
 * ##trainyard[param name=lr value=0.1]}. Values may be double-quoted to hold spaces.
 */
public final class TrainyardLines {
  private static final Pattern LINE = Pattern.compile("^##trainyard\\[(metric|param)\\s+(.*)]\\s*$");
  private static final Pattern PAIR = Pattern.compile("(\\w+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^\\s\\]]*)");

  private TrainyardLines() {}

  /** A parsed command: {@code kind} is metric or param. */
  public record Command(String kind, Map<String, String> fields) {}

  /** The command on this line, or null when the line is ordinary output or malformed. */
  public static Command parse(String line) {
    if (!line.startsWith("##trainyard[")) {
      return null;
    }
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher p = PAIR.matcher(m.group(2));
    while (p.find()) {
      fields.put(p.group(1), p.group(3) != null ? p.group(3).replace("\\\"", "\"").replace("\\\\", "\\") : p.group(2));
    }
    return fields.containsKey("name") && fields.containsKey("value") ? new Command(m.group(1), fields) : null;
  }
}
