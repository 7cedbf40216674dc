package dev.trainyard.spec.yaml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SpecException;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Validator;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and malformed files: each gives a clear, located error (never an exception) in bounded
 * time and memory. The timeouts are guards against hangs, not performance targets.
 */
class HostileInputTest {
  private static final Duration GUARD = Duration.ofSeconds(10);
  private static final String PIPELINE = """
      type: pipeline
      jobs:
        a:
          command: echo ${{inputs.x}}
          environment: azureml:env@latest
          inputs:
            x: hello
      """;

  @TempDir Path dir;

  // ---- alias bombs -------------------------------------------------------------------------

  @Test
  void billionLaughsWideIsRefused() {
    StringBuilder sb = new StringBuilder("type: pipeline\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) { // 9 levels x 9 aliases = 81 aliases, within the 100-alias limit
      sb.append('l').append(i).append(": &l").append(i).append(" [");
      for (int k = 0; k < 9; k++) {
        sb.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      sb.append("]\n");
    }
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("expands to more than " + YamlReader.MAX_NODES + " nodes", "alias bomb");
    assertThat(d.line()).isPositive();
  }

  @Test
  void billionLaughsDeepChainIsRefused() {
    // 49 anchors, each a pair of aliases to the one before: 98 aliases, 2^49 nodes when expanded.
    StringBuilder sb = new StringBuilder("a0: &a0 [x, y]\n");
    for (int i = 1; i < 50; i++) {
      sb.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
          .append(i - 1).append("]\n");
    }
    assertThat(firstError(sb.toString()).message()).contains("alias bomb");
  }

  @Test
  void billionLaughsOfMappingsIsRefused() {
    StringBuilder sb = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n");
    for (int i = 1; i <= 12; i++) {
      sb.append('m').append(i).append(": &m").append(i).append(" {");
      for (int k = 0; k < 8; k++) {
        sb.append(k == 0 ? "" : ", ").append("k").append(k).append(": *m").append(i - 1);
      }
      sb.append("}\n");
    }
    assertThat(firstError(sb.toString()).message()).contains("alias bomb");
  }

  @Test
  void moreThanAHundredCollectionAliasesAreRefused() {
    StringBuilder sb = new StringBuilder("a: &a [1]\nb:\n");
    for (int i = 0; i < 150; i++) {
      sb.append("  - *a\n");
    }
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("not valid YAML", "aliases");
  }

  @Test
  void aliasesToAHugeScalarCannotMultiplyItBeyondBounds() {
    // Scalar aliases escape SnakeYAML's collection-alias limit: 1 MB x 100k aliases would be 100 GB
    // of text for the loader to scan.
    StringBuilder sb = new StringBuilder("type: pipeline\ns: &s \"").append("x".repeat(1_000_000)).append("\"\nt: [");
    for (int i = 0; i < 100_000; i++) {
      sb.append(i == 0 ? "*s" : ",*s");
    }
    sb.append("]\n");
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("alias");
    assertThat(d.line()).isEqualTo(3);
  }

  @Test
  void aliasesCannotStackNestingBeyondTheDepthLimit() {
    // Each anchor is 90 levels deep and holds an alias to the one before: 50 of them nest 4,500 deep.
    StringBuilder sb = new StringBuilder("type: pipeline\n");
    for (int i = 0; i < 50; i++) {
      sb.append('a').append(i).append(": &a").append(i).append(' ').append("[".repeat(90))
          .append(i == 0 ? "x" : "*a" + (i - 1)).append("]".repeat(90)).append('\n');
    }
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("nesting deeper than " + YamlReader.MAX_DEPTH + " levels through aliases");
    assertThat(d.line()).isEqualTo(3);
  }

  @Test
  void recursiveAliasesAreRefused() {
    Diagnostic seq = firstError("type: pipeline\njobs: &a [1, *a]\n");
    assertThat(seq.message()).contains("recursive alias");
    assertThat(seq.line()).isEqualTo(2);
    assertThat(firstError("type: pipeline\njobs: &j\n  a: *j\n").message()).contains("recursive alias");
    assertThat(firstError("type: pipeline\n&k [*k]: x\n").message())
        .containsAnyOf("recursive", "mapping key is a list");
  }

  @Test
  void mergeKeysAndNonScalarKeysAreRefusedWithTheirLine() {
    Diagnostic merge = firstError("type: pipeline\nbase: &b {x: 1}\njobs:\n  <<: *b\n");
    assertThat(merge.message()).contains("merge keys");
    assertThat(merge.line()).isEqualTo(4);
    Diagnostic key = firstError("type: pipeline\n? [a, b]\n: c\n");
    assertThat(key.message()).contains("mapping key is a list");
    assertThat(key.line()).isEqualTo(2);
  }

  // ---- nesting -----------------------------------------------------------------------------

  @Test
  void tenThousandOpenBracketsAreRefusedAtTheLimit() {
    Diagnostic d = firstError("[".repeat(10_000));
    assertThat(d.message()).contains("nesting deeper than " + YamlReader.MAX_DEPTH);
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.column()).isEqualTo(YamlReader.MAX_DEPTH + 1);
    Diagnostic closed = firstError("x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    assertThat(closed.message()).contains("nesting deeper than");
  }

  @Test
  void deepFlowMappingsAreRefused() {
    StringBuilder sb = new StringBuilder("type: pipeline\njobs: ");
    for (int i = 0; i < 10_000; i++) {
      sb.append("{a").append(i).append(": ");
    }
    sb.append("x").append("}".repeat(10_000)).append('\n');
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("nesting deeper than");
    assertThat(d.line()).isEqualTo(2);
  }

  @Test
  void deepBlockMappingsAreRefusedOnTheLineThatCrossesTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append(" ".repeat(i)).append('k').append(i).append(":\n");
    }
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("nesting deeper than");
    assertThat(d.line()).isEqualTo(YamlReader.MAX_DEPTH + 1);
  }

  @Test
  void deepMixedNestingWithinTheLimitIsRead() throws SpecException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < YamlReader.MAX_DEPTH - 1; i++) {
      sb.append(i % 2 == 0 ? "{a: " : "[");
    }
    sb.append("x");
    for (int i = YamlReader.MAX_DEPTH - 2; i >= 0; i--) {
      sb.append(i % 2 == 0 ? "}" : "]");
    }
    assertThat(YamlReader.read("f.yml", sb.toString().getBytes(UTF_8))).isInstanceOf(YNode.Mapping.class);
  }

  // ---- size --------------------------------------------------------------------------------

  @Test
  void fiveMegabyteFileIsRefusedBeforeReading() {
    byte[] big = ("type: pipeline\ndescription: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n").getBytes(UTF_8);
    Diagnostic d = firstError(big);
    assertThat(d.message()).contains("at most " + YamlReader.MAX_BYTES + " bytes");
    assertThatThrownBy(() -> YamlReader.read("f.yml", big)).isInstanceOf(SpecException.class)
        .hasMessageContaining("at most " + YamlReader.MAX_BYTES);
    // the text entry point too
    SpecLoader.Result r = assertTimeoutPreemptively(GUARD,
        () -> new SpecLoader().loadText(dir.resolve("t.yml"), new String(big, UTF_8)));
    assertThat(r.errors()).first().extracting(Diagnostic::message).asString().contains("at most");
  }

  @Test
  void justUnderTheLimitAHugeValidFileIsReadInBoundedTime() {
    // 3.9 MB: a pipeline with a large folded command, many tags and a long list of environment variables.
    StringBuilder sb = new StringBuilder(PIPELINE).append("    environment_variables:\n");
    int i = 0;
    while (sb.length() < 2_000_000) {
      sb.append("      VAR_").append(i++).append(": \"value number ").append(i).append("\"\n");
    }
    sb.append("    description: >-\n");
    while (sb.length() < 3_900_000) {
      sb.append("      lorem ipsum dolor sit amet, consectetur adipiscing elit ").append(i++).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(UTF_8);
    assertThat(bytes.length).isBetween(3_800_000, YamlReader.MAX_BYTES);
    List<Diagnostic> ds = diagnostics(bytes);
    assertThat(ds).noneMatch(Diagnostic::isError);
  }

  @Test
  void justUnderTheLimitAHugeListOfTinyItemsIsReadInBoundedTime() {
    StringBuilder sb = new StringBuilder("type: pipeline\ntags: [");
    while (sb.length() < 3_900_000) {
      sb.append("a,");
    }
    sb.append("b]\njobs: {}\n");
    // ~2 million values: refused once past the node limit, before they fill memory
    Diagnostic d = firstError(sb.toString());
    assertThat(d.message()).contains("more than " + YamlReader.MAX_NODES + " values").doesNotContain("alias");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isBetween(2 * YamlReader.MAX_NODES - 10, 2 * YamlReader.MAX_NODES + 10);
  }

  // ---- encoding ----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      lone 0xFF                   | FF          | FF
      lone continuation byte      | 80          | 80
      truncated two-byte sequence | C3 20       | C3
      truncated three-byte        | E2 82 41    | E2
      overlong two-byte slash     | C0 AF       | C0
      overlong three-byte slash   | E0 80 AF    | E0
      UTF-16 surrogate            | ED A0 80    | ED
      beyond U+10FFFF             | F4 90 80 80 | F4
      """)
  void nonUtf8BytesAreReportedAtTheirLineAndColumn(String name, String hex, String first) {
    // line 3, after "  x: cé" (é is two bytes, one column): the bad byte is at column 8
    byte[] bad = hex(hex);
    byte[] bytes = concat("type: pipeline\njobs:\n  x: c\u00e9".getBytes(UTF_8), bad, " end\n".getBytes(UTF_8));
    Diagnostic d = firstError(bytes);
    int offset = "type: pipeline\njobs:\n  x: c\u00e9".getBytes(UTF_8).length;
    assertThat(d.message()).contains("not UTF-8", "byte 0x" + first, "offset " + offset);
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(8);
  }

  @Test
  void truncatedMultibyteAtTheEndOfTheFileIsReported() {
    byte[] bytes = concat("type: pipeline\ndescription: caf".getBytes(UTF_8), hex("C3"));
    Diagnostic d = firstError(bytes);
    assertThat(d.message()).contains("not UTF-8", "0xC3");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(17);
  }

  @Test
  void badByteAfterCarriageReturnLineBreaksIsCountedOnTheRightLine() {
    byte[] bytes = concat("type: pipeline\r\njobs:\r\n  x: ".getBytes(UTF_8), hex("FF"));
    Diagnostic d = firstError(bytes);
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(6);
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() {
    byte[] bytes = concat(hex("EF BB BF"), PIPELINE.getBytes(UTF_8));
    assertThat(diagnostics(bytes)).noneMatch(Diagnostic::isError);
  }

  @Test
  void positionsAfterAByteOrderMarkMatchTheVisibleText() {
    Diagnostic d = firstError(concat(hex("EF BB BF"), "type: pipelin\njobs: {}\n".getBytes(UTF_8)));
    assertThat(d.message()).contains("pipelin");
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.column()).isEqualTo(7);
    Diagnostic bad = firstError(concat(hex("EF BB BF"), "a: [\n".getBytes(UTF_8)));
    assertThat(bad.message()).contains("not valid YAML");
  }

  @Test
  void byteOrderMarkInsideTheFileIsRefused() {
    Diagnostic d = firstError("type: pipeline\njobs:\uFEFF\n  a: {}\n");
    assertThat(d.isError()).isTrue();
  }

  // ---- duplicates, placeholders, documents --------------------------------------------------

  @Test
  void duplicateKeysNameBothLines() {
    Diagnostic d = firstError("type: pipeline\njobs:\n  a: {}\ndescription: x\njobs:\n  b: {}\n");
    assertThat(d.message()).contains("duplicate key 'jobs'", "first at line 2");
    assertThat(d.line()).isEqualTo(5);
    assertThat(d.column()).isEqualTo(1);
    Diagnostic flow = firstError("type: pipeline\ntags: {a: 1,\n  b: 2, a: 3}\n");
    assertThat(flow.message()).contains("duplicate key 'a'", "first at line 2");
    assertThat(flow.line()).isEqualTo(3);
    assertThat(flow.path()).isEqualTo("tags.a");
  }

  @Test
  void duplicateKeysSpeltDifferentlyAreStillDuplicates() {
    assertThat(firstError("type: pipeline\n\"jobs\": {}\njobs: {}\n").message()).contains("duplicate key 'jobs'");
  }

  @Test
  void mustachePlaceholdersAreReportedWhereTheyAre() {
    Diagnostic d = firstError("type: pipeline\njobs:\n  a:\n    component: azureml:train:{{MODEL_VERSION}}\n");
    assertThat(d.message()).contains("unfilled template placeholder {{MODEL_VERSION}}");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.column()).isEqualTo(30);
  }

  @Test
  void mustacheInCommentsAndBindingsIsNotAPlaceholder() {
    String text = PIPELINE + "# set {{X}} before use\ndescription: uses ${{name}} # {{Y}}\n";
    assertThat(diagnostics(text.getBytes(UTF_8))).noneMatch(Diagnostic::isError);
  }

  @Test
  void anglePlaceholdersAreReportedWhereTheyAre() {
    Diagnostic d = firstError(PIPELINE.replace("azureml:env@latest", "azureml:<ENVIRONMENT_NAME>@latest"));
    assertThat(d.message()).contains("unfilled template placeholder <ENVIRONMENT_NAME>");
    assertThat(d.line()).isEqualTo(5);
    assertThat(d.column()).isEqualTo(26);
  }

  @Test
  void severalDocumentsAreRefusedAtTheSecond() {
    Diagnostic d = firstError(PIPELINE + "---\ntype: pipeline\n");
    assertThat(d.message()).contains("more than one YAML document");
    assertThat(d.line()).isEqualTo(9);
    assertThat(firstError("").message()).contains("empty");
    assertThat(firstError("# only a comment\n").message()).contains("empty");
    assertThat(diagnostics(("---\n" + PIPELINE + "...\n").getBytes(UTF_8))).noneMatch(Diagnostic::isError);
  }

  // ---- control characters -------------------------------------------------------------------

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({"0000", "0007", "001B", "007F", "0080", "FFFE", "FFFF"})
  void controlCharactersAreReportedAtTheirPosition(String hex) {
    char c = (char) Integer.parseInt(hex, 16);
    Diagnostic d = firstError("type: pipeline\ndescription: ab" + c + "cd\n");
    String shortHex = hex.replaceFirst("^00", "");
    assertThat(d.message()).contains("not valid YAML").containsAnyOf("U+" + hex, "0x" + shortHex);
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(16);
  }

  @Test
  void nulBytesInKeysAndCommentsAreReported() {
    assertThat(firstError("type\0: pipeline\n").line()).isEqualTo(1);
    assertThat(firstError("type: pipeline # \0\n").line()).isEqualTo(1);
    assertThat(firstError("type: pipeline\n\0\0\0\0").line()).isEqualTo(2);
  }

  @Test
  void tabsAndUnicodeLineBreaksDoNotBreakTheReader() {
    assertTimeoutPreemptively(GUARD, () -> {
      diagnostics("type: pipeline\n\tjobs: {}\n".getBytes(UTF_8));
      diagnostics("type: pipeline\u2028jobs: {}\u0085x: y\r\rz: \"a\u2029b\"\n".getBytes(UTF_8));
    });
    assertThat(firstError("type: pipeline\n\tjobs: {}\n").line()).isEqualTo(2);
  }

  @Test
  void escapesBeyondUnicodeAreReportedNotThrown() {
    Diagnostic d = firstError("type: pipeline\ndescription: \"a \\UFFFFFFFF b\"\n");
    assertThat(d.message()).contains("not valid YAML");
    assertThat(d.line()).isEqualTo(2);
    assertThat(firstError("type: pipeline\ndescription: \"\\U00110000\"\n").message()).contains("not valid YAML");
  }

  // ---- long lines, long strings, unclosed things ---------------------------------------------

  @Test
  void extremelyLongLinesAndKeysAreHandled() {
    String longValue = PIPELINE + "description: " + "v".repeat(2_000_000) + "\n";
    assertThat(diagnostics(longValue.getBytes(UTF_8))).noneMatch(Diagnostic::isError);
    String longKey = PIPELINE + "k".repeat(1_000_000) + ": 1\n";
    assertThat(diagnostics(longKey.getBytes(UTF_8))).isNotEmpty();
    String explicitKey = PIPELINE + "? " + "k".repeat(1_000_000) + "\n: 1\n";
    assertThat(diagnostics(explicitKey.getBytes(UTF_8))).isNotEmpty();
    String longJob = PIPELINE.replace("  a:\n", "  " + "j".repeat(500_000) + ":\n");
    assertTimeoutPreemptively(GUARD, () -> diagnostics(longJob.getBytes(UTF_8)));
  }

  @Test
  void aMegabyteOfOpenBindingsIsASyntaxError() {
    String text = PIPELINE.replace("echo ${{inputs.x}}", "\"" + "${{".repeat(330_000) + "\"");
    Diagnostic d = firstError(text);
    assertThat(d.message()).contains("'${{' is not closed");
    assertThat(d.line()).isEqualTo(4);
    String many = PIPELINE.replace("echo ${{inputs.x}}", "echo " + "${{inputs.x}} ".repeat(70_000));
    assertTimeoutPreemptively(GUARD, () -> diagnostics(many.getBytes(UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      double quote | type: pipeline\\ndescription: "never closed\\njobs: {}\\n | 2
      single quote | type: pipeline\\ndescription: 'never closed\\njobs: {}\\n | 2
      flow list    | type: pipeline\\ntags: [a, b\\njobs: {}\\n               | 2
      flow mapping | type: pipeline\\ntags: {a: b\\n                        | 2
      """)
  void unclosedQuotesAndBracketsAreLocatedErrors(String name, String escaped, int line) {
    Diagnostic d = firstError(escaped.replace("\\n", "\n"));
    assertThat(d.message()).contains("not valid YAML");
    assertThat(d.line()).isGreaterThanOrEqualTo(line);
  }

  @Test
  void topLevelScalarsAndListsAreRefused() {
    assertThat(firstError("just text\n").message()).contains("expected a mapping");
    assertThat(firstError("- a\n- b\n").message()).contains("expected a mapping");
    assertThat(firstError("~\n").message()).contains("expected a mapping");
  }

  // ---- helpers -----------------------------------------------------------------------------

  private List<Diagnostic> diagnostics(byte[] bytes) {
    Path file = dir.resolve("hostile.yml");
    return assertTimeoutPreemptively(GUARD, () -> {
      Files.write(file, bytes);
      return new Validator(new SpecLoader()).validate(file).diagnostics();
    });
  }

  private Diagnostic firstError(String text) {
    return firstError(text.getBytes(UTF_8));
  }

  private Diagnostic firstError(byte[] bytes) {
    List<Diagnostic> ds = diagnostics(bytes);
    assertThat(ds).as("diagnostics").anyMatch(Diagnostic::isError);
    return ds.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
  }

  private static byte[] hex(String s) {
    String[] parts = s.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
