package dev.trainyard.engine;

/** POSIX shell quoting: a value substituted into a command is always one plain word. */
public final class ShellQuote {
  private ShellQuote() {}

  /** {@code it's} becomes {@code 'it'\''s'}; nothing inside single quotes is special to the shell. */
  public static String quote(String s) {
    if (!s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
