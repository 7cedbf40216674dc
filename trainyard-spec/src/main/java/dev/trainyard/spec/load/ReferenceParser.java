package dev.trainyard.spec.load;

import dev.trainyard.spec.Reference;
import dev.trainyard.spec.binding.BindingParser;
import dev.trainyard.spec.binding.BindingSyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses every reference form of the dialect; see {@link Reference}. */
public final class ReferenceParser {
  private static final Pattern DATASTORE = Pattern.compile("azureml://datastores/([^/]+)/paths/(.*)");
  private static final Pattern REGISTRY =
      Pattern.compile("azureml://registries/([^/]+)/([^/]+)/([^/]+)(?:/(versions|labels)/([^/]+))?/?");
  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*)://.*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

  private ReferenceParser() {}

  /**
   * Parses {@code raw}; relative paths resolve against {@code baseDir}.
   *
   * @throws IllegalArgumentException with a user-facing message when the text is malformed
   */
  public static Reference parse(String raw, Path baseDir) {
    String s = raw.strip();
    if (BindingParser.mayBind(s)) {
      try {
        return new Reference.Bound(raw, BindingParser.parse(s));
      } catch (BindingSyntaxException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty reference");
    }
    Matcher m = DATASTORE.matcher(s);
    if (m.matches()) {
      return new Reference.Datastore(raw, m.group(1), m.group(2));
    }
    m = REGISTRY.matcher(s);
    if (m.matches()) {
      boolean versions = "versions".equals(m.group(4));
      String version = versions ? m.group(5) : null;
      String label = m.group(4) == null ? "latest" : versions ? null : m.group(5);
      return new Reference.RegistryUri(raw, m.group(1), m.group(2), m.group(3), version, label);
    }
    if (s.startsWith("azureml:") && !s.startsWith("azureml://")) {
      return registered(raw, s.substring("azureml:".length()));
    }
    if (s.startsWith("file://")) {
      return local(raw, s.substring("file://".length()), baseDir);
    }
    if (s.startsWith("file:")) {
      return local(raw, s.substring("file:".length()), baseDir);
    }
    m = SCHEME.matcher(s);
    if (m.matches()) {
      return new Reference.Remote(raw, m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    return local(raw, s, baseDir);
  }

  private static Reference registered(String raw, String rest) {
    String name;
    String version = null;
    String label = null;
    int at = rest.indexOf('@');
    int colon = rest.indexOf(':');
    if (at >= 0) {
      name = rest.substring(0, at);
      label = rest.substring(at + 1);
    } else if (colon >= 0) {
      name = rest.substring(0, colon);
      version = rest.substring(colon + 1);
    } else {
      name = rest;
      label = "latest";
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("malformed reference '" + raw + "': '" + name + "' is not a name");
    }
    String tail = version != null ? version : label;
    if (!NAME.matcher(tail).matches()) {
      throw new IllegalArgumentException("malformed reference '" + raw + "': expected azureml:NAME:VERSION"
          + " or azureml:NAME@LABEL");
    }
    return new Reference.Registered(raw, name, version, label);
  }

  private static Reference local(String raw, String path, Path baseDir) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path in '" + raw + "'");
    }
    try {
      Path p = Path.of(path);
      return new Reference.LocalPath(raw, (baseDir == null ? p : baseDir.resolve(p)).normalize());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + raw + "' is not a valid path");
    }
  }
}
