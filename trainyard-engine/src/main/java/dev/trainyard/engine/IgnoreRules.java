package dev.trainyard.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .trainyardignore} (or Azure's {@code .amlignore}) file, in gitignore
 * syntax: {@code #} comments, {@code !} negation, a leading {@code /} anchors to the code folder,
 * a trailing {@code /} matches folders only, {@code *}, {@code ?}, {@code [..]} and {@code **}.
 * The last matching pattern wins, as in git.
 */
public final class IgnoreRules {
  private record Rule(Pattern pattern, boolean negate, boolean dirOnly) {}

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  public static final IgnoreRules NONE = new IgnoreRules(List.of());

  /** Reads {@code .trainyardignore}, else {@code .amlignore}, else {@code .gitignore}, from {@code dir}. */
  public static IgnoreRules load(Path dir) throws IOException {
    for (String name : List.of(".trainyardignore", ".amlignore", ".gitignore")) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f)) {
        return parse(Files.readAllLines(f));
      }
    }
    return NONE;
  }

  public static IgnoreRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.stripTrailing();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negate = line.startsWith("!");
      if (negate) {
        line = line.substring(1);
      }
      boolean dirOnly = line.endsWith("/");
      if (dirOnly) {
        line = line.substring(0, line.length() - 1);
      }
      boolean anchored = line.startsWith("/") || line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = globToRegex(line);
      rules.add(new Rule(Pattern.compile(anchored ? regex : "(?:.*/)?" + regex), negate, dirOnly));
    }
    return new IgnoreRules(rules);
  }

  /** Whether {@code rel} (with '/' separators, relative to the code folder) is ignored. */
  public boolean ignored(String rel, boolean isDir) {
    boolean ignored = false;
    for (Rule r : rules) {
      if ((!r.dirOnly || isDir) && r.pattern.matcher(rel).matches()) {
        ignored = !r.negate;
      }
    }
    return ignored;
  }

  private static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
          sb.append(slash ? "(?:.*/)?" : ".*");
          i += slash ? 2 : 1;
        } else {
          sb.append("[^/]*");
        }
      } else if (c == '?') {
        sb.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 1);
        if (end < 0) {
          sb.append("\\[");
        } else {
          String cls = glob.substring(i + 1, end);
          sb.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
