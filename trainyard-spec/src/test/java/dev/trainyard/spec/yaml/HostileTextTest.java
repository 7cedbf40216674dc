package dev.trainyard.spec.yaml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trainyard.spec.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile text: bad encodings, byte order marks, duplicate keys, template placeholders, several
 * documents, control characters, very long lines and unclosed quotes — each a located error.
 */
class HostileTextTest extends HostileFiles {
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
}
