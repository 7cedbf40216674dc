package dev.trainyard.store.lineage;

/**
 * One row of a query's result, read as a {@link java.sql.ResultSet} would be: columns by 1-based
 * index, as text or as a number, and {@link #wasNull} after a read. The lineage walk reads
 * thousands of rows in a JVM that has just started, where every column read through the JDBC
 * driver costs microseconds of interpreted wrapper code; {@link Sql#in} therefore has SQLite pack
 * a whole result into one JSON text, and this class reads it (see {@link #next}).
 */
final class Values {
  // A char array, not the String: in code not yet compiled, an array read is one bytecode, a
  // charAt call several frames.
  private final char[] json;
  private int pos;
  private String[] row;
  private boolean lastNull;

  /** Reads the rows of {@code json}, SQLite's {@code json_group_array} of {@code json_array} rows. */
  Values(String json) {
    this.json = (json == null ? "[]" : json).toCharArray();
    this.pos = 1;
  }

  /** Values over rows already read (plain JDBC, for small lookups). */
  Values(String[] row) {
    this.json = new char[0];
    this.row = row;
  }

  /** Moves to the next row of the packed text; false at its end. */
  boolean next() {
    char[] cs = json;
    int p = skip(cs, pos);
    if (p >= cs.length || cs[p] != '[') {
      pos = cs.length;
      return false;
    }
    p++;
    String[] values = row != null && row.length > 0 ? new String[row.length] : new String[8];
    int n = 0;
    while (true) {
      p = skip(cs, p);
      char ch = cs[p];
      if (ch == ']') {
        p++;
        break;
      }
      if (n == values.length) {
        values = java.util.Arrays.copyOf(values, n * 2);
      }
      if (ch == '"') {
        int start = p + 1;
        int q = start;
        while (cs[q] != '"' && cs[q] != '\\') {
          q++;
        }
        if (cs[q] == '"') {
          values[n++] = new String(cs, start, q - start);
          p = q + 1;
        } else {
          pos = start - 1;
          values[n++] = escaped();
          p = pos;
        }
      } else if (ch == '[' || ch == '{') {
        pos = p;
        values[n++] = nested(); // a JSON-typed column (json_extract of an object): its text
        p = pos;
      } else {
        int start = p;
        while (p < cs.length && cs[p] != ',' && cs[p] != ']') {
          p++;
        }
        values[n++] = ch == 'n' ? null : new String(cs, start, p - start).trim();
      }
    }
    pos = p;
    row = n == values.length ? values : java.util.Arrays.copyOf(values, n);
    return true;
  }

  private static int skip(char[] cs, int p) {
    while (p < cs.length && (cs[p] == ',' || cs[p] == ' ' || cs[p] == '\n' || cs[p] == '\t' || cs[p] == '\r')) {
      p++;
    }
    return p;
  }

  String getString(int col) {
    String v = row[col - 1];
    lastNull = v == null;
    return v;
  }

  long getLong(int col) {
    String v = row[col - 1];
    lastNull = v == null;
    if (v == null) {
      return 0;
    }
    int dot = v.indexOf('.');
    return Long.parseLong(dot < 0 ? v : v.substring(0, dot)); // a REAL read as a long truncates, as JDBC does
  }

  boolean wasNull() {
    return lastNull;
  }

  /** A string with escapes, from its opening quote at {@code pos}; leaves {@code pos} after its end. */
  private String escaped() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      char ch = json[pos++];
      if (ch == '"') {
        return sb.toString();
      }
      if (ch != '\\') {
        sb.append(ch);
        continue;
      }
      char e = json[pos++];
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(new String(json, pos, 4), 16));
          pos += 4;
        }
        default -> sb.append(e); // \" \\ \/
      }
    }
  }

  /** A nested array or object from {@code pos}, as its JSON text. */
  private String nested() {
    int start = pos;
    int depth = 0;
    do {
      char ch = json[pos];
      if (ch == '"') {
        escaped();
        continue;
      }
      if (ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ']' || ch == '}') {
        depth--;
      }
      pos++;
    } while (depth > 0);
    return new String(json, start, pos - start);
  }
}
