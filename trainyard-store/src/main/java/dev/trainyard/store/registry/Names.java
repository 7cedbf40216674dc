package dev.trainyard.store.registry;

import java.nio.charset.StandardCharsets;

/**
 * The rules for registry names, versions, tag keys and aliases. Names become folder names and
 * parts of references ({@code name:version}, {@code name@alias}), so separators, {@code ..},
 * control characters and the reference punctuation are refused, as are names over 255 bytes.
 */
public final class Names {
  private Names() {}

  /** Checks a name or version; {@code what} names the argument in the message ("--name", "version"). */
  public static String check(String what, String value) throws RegistryException {
    if (value == null || value.isEmpty()) {
      throw new RegistryException(what + " is empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new RegistryException(what + " '" + shorten(value) + "' is over 255 bytes");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new RegistryException(what + " '" + printable(value) + "' holds a control character at position " + (i + 1));
      }
      if (c == '/' || c == '\\') {
        throw new RegistryException(what + " '" + value + "' holds a path separator '" + c + "'");
      }
      if (c == ':' || c == '@' || Character.isWhitespace(c)) {
        throw new RegistryException(what + " '" + value + "' holds '" + (c == ' ' ? "a space" : c)
            + "', which references use as a separator");
      }
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        throw new RegistryException(what + " '" + value + "' holds '" + c + "'; use letters, digits, '-', '_' and '.'");
      }
    }
    if (value.contains("..") || value.equals(".")) {
      throw new RegistryException(what + " '" + value + "' holds '..'; names may not look like paths");
    }
    if (value.startsWith(".") || value.startsWith("-")) {
      throw new RegistryException(what + " '" + value + "' starts with '" + value.charAt(0) + "'; start with a letter or digit");
    }
    return value;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? printable(s.substring(0, 40)) + "..." : printable(s);
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
