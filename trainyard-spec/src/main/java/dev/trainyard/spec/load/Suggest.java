package dev.trainyard.spec.load;

import java.util.Collection;

/** "Did you mean" hints: the closest known name by edit distance, if close enough. */
public final class Suggest {
  private Suggest() {}

  /** The candidate nearest to {@code word}, or null if none is within a third of its length. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      // Ties go to the alphabetically first name: candidates often come from Set.of, whose
      // iteration order changes from run to run, and a hint must not.
      if (d < bestDistance || d == bestDistance && c.compareTo(best) < 0) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(word.length(), best == null ? 0 : best.length()) / 3);
    return best != null && bestDistance <= allowed ? best : null;
  }

  /** A hint sentence, or null. */
  public static String hint(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? null : "did you mean '" + c + "'?";
  }

  /** Hint naming the nearest candidate, else listing them all (if few). */
  public static String hintOrList(String word, Collection<String> candidates, String what) {
    String h = hint(word, candidates);
    if (h != null) {
      return h;
    }
    if (candidates.isEmpty()) {
      return what + ": none"; // same shape as the list below: "its inputs: a, b"
    }
    if (candidates.size() <= 12) {
      return what + ": " + String.join(", ", candidates);
    }
    return null;
  }

  private static final int MAX_LENGTH = 256;

  /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 8 || a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
      // Names this long are not typos of each other worth a hint; the table would cost a*b memory.
      return Math.max(a.length(), b.length());
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
