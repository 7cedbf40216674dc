package dev.trainyard.spec.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, structure-aware mutations of YAML pipeline files: byte flips, YAML and binding tokens,
 * line moves, indentation changes and splices from other seeds. Deterministic for a given seed.
 */
final class Mutator {
  /** Largest mutant produced; bigger inputs only slow the search down. */
  static final int MAX_LEN = 64 * 1024;

  static final String[] TOKENS = {
    "${{", "}}", "$[[", "]]", "${{inputs.x}}", "${{outputs.o}}", "${{parent.inputs.", "${{parent.jobs.",
    "${{parent.jobs.a.outputs.o}}", "${{parent.outputs.p}}", "${{name}}", "${{default_datastore}}",
    "${{search_space.c}}", "${{ }}", "$[[--flag ${{inputs.x}}]]", "$[[inputs.x]]", ".outputs.", ".inputs.",
    "&a ", "*a", "&b [", "*b", "<<: *a", "!!binary ", "!!map ", "!!str ", "!!int ", "!custom ", "!<tag:x> ",
    "? ", ": ", "- ", "-", ":", "|", "|-", ">-", ">", "|2", "\"", "'", "[", "]", "{", "}", ",", "#", " #",
    "\n", "\r\n", "\r", "\t", "  ", "\u0000", "\u0007", "\u001b", "\u0085", "\u2028", "\uFEFF", "\uFFFE",
    "\\u0000", "\\UFFFFFFFF", "\\x", "\\", "%YAML 1.1\n---\n", "%TAG ! tag:x,2000:\n", "---\n", "\n...\n",
    "--- a\n", "{{X}}", "{{ MODEL_VERSION }}", "<ATTACHED_SPARK_POOL_NAME>", "<NAME>", "null", "~", "True",
    "False", "yes", "0", "-1", "1e999", "0x1F", "0o17", ".inf", "-.nan", "99999999999999999999", "1_000",
    "2022-07-10T10:00:00", "\"10kb\"", "10xb", "azureml:", "azureml:x:1", "azureml:x@latest",
    "azureml://registries/r/components/c/versions/1", "azureml://datastores/d/paths/p", "file:", "./",
    "../", "/", "..", "./train-component.yml", "./pipeline-component.yml", "./fuzz-input.yml", "./missing.yml",
    "./", "C:\\x", "\\\\?\\", "https://x/y", "wasbs://c@a/b", "type: pipeline", "type: command",
    "type: parallel", "type: spark", "type: sweep", "type: automl", "type: mltable", "type: uri_file",
    "type: custom_model", "type: integer", "type: number", "type: boolean", "type: string",
    "optional: true", "default: ", "min: ", "max: ", "enum: []", "mode: ", "path: ", "component: ",
    "jobs:", "inputs:", "outputs:", "settings:", "trigger:", "create_job: ", "compute: ", "command: ",
    "environment: ", "code: ", "task:", "mini_batch_size: ", "resources:", "instance_count: ", "limits:",
    "timeout: ", "distribution:", "search_space:", "é", "€", "🚂", "\uD800", "a".repeat(300),
  };

  private static final byte[] INTERESTING = {0, (byte) 0xFF, (byte) 0x80, (byte) 0xC0, (byte) 0xE0, (byte) 0xF0,
      (byte) 0xED, '\n', '\r', '\t', ' ', ':', '-', '#', '&', '*', '!', '|', '>', '"', '\'', '{', '}', '[', ']',
      ',', '?', '%', '@', '`', '$', '.', '<', '\\', 0x7F};

  private final Random rnd;
  private final List<byte[]> corpus;

  Mutator(long seed, List<byte[]> corpus) {
    this.rnd = new Random(seed);
    this.corpus = corpus;
  }

  Random random() {
    return rnd;
  }

  /** A random seed with one to five stacked mutations. */
  byte[] next() {
    byte[] b = corpus.get(rnd.nextInt(corpus.size()));
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      b = once(b);
      if (b.length > MAX_LEN) {
        b = Arrays.copyOf(b, MAX_LEN);
      }
    }
    return b;
  }

  byte[] once(byte[] b) {
    int len = b.length;
    int pos = len == 0 ? 0 : rnd.nextInt(len + 1);
    switch (rnd.nextInt(16)) {
      case 0 -> { // flip a bit
        if (len == 0) {
          return token();
        }
        byte[] c = b.clone();
        int p = rnd.nextInt(len);
        c[p] ^= (byte) (1 << rnd.nextInt(8));
        return c;
      }
      case 1 -> { // set a byte to an interesting value
        if (len == 0) {
          return new byte[] {INTERESTING[rnd.nextInt(INTERESTING.length)]};
        }
        byte[] c = b.clone();
        c[rnd.nextInt(len)] = INTERESTING[rnd.nextInt(INTERESTING.length)];
        return c;
      }
      case 2 -> { // delete a range
        int n = Math.min(len - Math.min(pos, len), 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 64));
        return concat(slice(b, 0, pos), slice(b, pos + n, len));
      }
      case 3, 4, 5 -> { // insert a token anywhere, after a colon, or at a line start
        int at = rnd.nextInt(3) == 0 ? pos : anchorNear(b, pos);
        return concat(slice(b, 0, at), token(), slice(b, at, len));
      }
      case 6 -> { // duplicate a range
        int n = Math.min(len - Math.min(pos, len), 1 + rnd.nextInt(200));
        byte[] r = slice(b, pos, pos + n);
        return concat(slice(b, 0, pos + n), r, slice(b, pos + n, len));
      }
      case 7 -> { // swap two lines
        List<byte[]> lines = lines(b);
        if (lines.size() > 1) {
          int i = rnd.nextInt(lines.size());
          int j = rnd.nextInt(lines.size());
          byte[] t = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, t);
        }
        return join(lines);
      }
      case 8 -> { // duplicate or delete a line, occasionally many copies
        List<byte[]> lines = lines(b);
        if (lines.isEmpty()) {
          return b;
        }
        int i = rnd.nextInt(lines.size());
        if (rnd.nextBoolean()) {
          lines.remove(i);
        } else {
          int copies = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(300) : 1;
          for (int k = 0; k < copies; k++) {
            lines.add(i, lines.get(i));
          }
        }
        return join(lines);
      }
      case 9 -> { // change a line's indentation
        List<byte[]> lines = lines(b);
        if (lines.isEmpty()) {
          return b;
        }
        int i = rnd.nextInt(lines.size());
        byte[] l = lines.get(i);
        int d = rnd.nextInt(5) - 2;
        String s = new String(l, StandardCharsets.ISO_8859_1);
        s = d >= 0 ? (rnd.nextInt(8) == 0 ? "\t" : " ".repeat(d * 2 + 1)) + s : s.replaceFirst("^ {1,4}", "");
        lines.set(i, s.getBytes(StandardCharsets.ISO_8859_1));
        return join(lines);
      }
      case 10 -> { // splice a line from another seed
        List<byte[]> lines = lines(b);
        List<byte[]> other = lines(corpus.get(rnd.nextInt(corpus.size())));
        if (other.isEmpty()) {
          return b;
        }
        byte[] l = other.get(rnd.nextInt(other.size()));
        if (lines.isEmpty() || rnd.nextBoolean()) {
          lines.add(lines.isEmpty() ? 0 : rnd.nextInt(lines.size() + 1), l);
        } else {
          lines.set(rnd.nextInt(lines.size()), l);
        }
        return join(lines);
      }
      case 11 -> { // truncate
        return slice(b, 0, pos);
      }
      case 12 -> { // replace a word with a token
        int s = pos;
        while (s > 0 && isWord(b[s - 1])) {
          s--;
        }
        int e = pos;
        while (e < len && isWord(b[e])) {
          e++;
        }
        return concat(slice(b, 0, s), token(), slice(b, e, len));
      }
      case 13 -> { // wrap the rest of a line in brackets or quotes
        int e = pos;
        while (e < len && b[e] != '\n') {
          e++;
        }
        String[] w = {"[", "]", "{", "}", "\"", "\"", "'", "'", "[[[", "]]]", "{a: ", "}"};
        int k = rnd.nextInt(w.length / 2) * 2;
        return concat(slice(b, 0, pos), bytes(w[k]), slice(b, pos, e), bytes(w[k + 1]), slice(b, e, len));
      }
      case 14 -> { // splice a chunk of another seed
        byte[] o = corpus.get(rnd.nextInt(corpus.size()));
        int s = o.length == 0 ? 0 : rnd.nextInt(o.length);
        int e = Math.min(o.length, s + rnd.nextInt(400));
        return concat(slice(b, 0, pos), slice(o, s, e), slice(b, pos, len));
      }
      default -> { // insert random bytes
        byte[] r = new byte[1 + rnd.nextInt(8)];
        rnd.nextBytes(r);
        return concat(slice(b, 0, pos), r, slice(b, pos, len));
      }
    }
  }

  private byte[] token() {
    return bytes(TOKENS[rnd.nextInt(TOKENS.length)]);
  }

  /** A position just after a ': ' or at a line start near {@code pos}. */
  private int anchorNear(byte[] b, int pos) {
    for (int i = Math.min(pos, b.length - 1); i > 0; i--) {
      if (b[i - 1] == '\n' || i > 1 && b[i - 2] == ':' && b[i - 1] == ' ') {
        return i;
      }
    }
    return 0;
  }

  private static boolean isWord(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] slice(byte[] b, int from, int to) {
    from = Math.max(0, Math.min(from, b.length));
    to = Math.max(from, Math.min(to, b.length));
    return Arrays.copyOfRange(b, from, to);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static List<byte[]> lines(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(Arrays.copyOfRange(b, s, i + 1));
        s = i + 1;
      }
    }
    if (s < b.length) {
      out.add(Arrays.copyOfRange(b, s, b.length));
    }
    return out;
  }

  static byte[] join(List<byte[]> lines) {
    return concat(lines.toArray(new byte[0][]));
  }
}
