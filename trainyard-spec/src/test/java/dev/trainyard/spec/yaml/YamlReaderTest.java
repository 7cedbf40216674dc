package dev.trainyard.spec.yaml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SpecException;
import org.junit.jupiter.api.Test;

/** Positions and messages of {@link YamlReader}, called directly. */
class YamlReaderTest {

  @Test
  void byteOrderMarkIsInvisibleToColumnsButCountedInOffsets() throws SpecException {
    String text = "\uFEFFtype: pipeline\njobs: x\n";
    YNode.Mapping m = (YNode.Mapping) YamlReader.read("f.yml", text);
    YNode.Scalar type = (YNode.Scalar) m.get("type");
    assertThat(type.at().line()).isEqualTo(1);
    assertThat(type.at().column()).isEqualTo(7);
    assertThat(text.substring(type.at().offset())).startsWith("pipeline");
    YNode.Scalar jobs = (YNode.Scalar) m.get("jobs");
    assertThat(text.substring(jobs.at().offset())).startsWith("x\n");
    // the same through bytes
    byte[] bytes = text.getBytes(UTF_8);
    YNode.Mapping fromBytes = (YNode.Mapping) YamlReader.read("f.yml", bytes);
    assertThat(fromBytes.get("type").at()).isEqualTo(type.at());
  }

  @Test
  void placeholdersAfterCarriageReturnLineBreaksAreOnTheirLine() {
    SpecException e = fails("a: 1\rb: 2\r\nc: {{X}}\n");
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.message()).contains("{{X}}");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(4);
  }

  @Test
  void placeholderColumnsCountCharactersNotUtf16Units() {
    SpecException e = fails("a: \uD83D\uDE82 {{X}}\n");
    assertThat(e.diagnostics().get(0).column()).isEqualTo(6);
  }

  @Test
  void nonScalarKeysNameTheirMapping() {
    SpecException e = fails("jobs:\n  ? [a]\n  : b\n");
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.message()).contains("mapping key is a list");
    assertThat(d.path()).isEqualTo("jobs");
    assertThat(d.line()).isEqualTo(2);
    SpecException m = catchThrowableOfType(SpecException.class, () -> YamlReader.read("f.yml", "{a: 1}: b\n"));
    assertThat(m.diagnostics().get(0).message()).contains("mapping key is a mapping");
  }

  @Test
  void limitsAreNotCalledSyntaxErrors() {
    SpecException e = fails("[".repeat(200));
    assertThat(e.diagnostics().get(0).message()).startsWith("nesting deeper than").doesNotContain("not valid YAML");
  }

  @Test
  void aliasBombsArePlacedWhereTheAliasIsUsed() {
    StringBuilder sb = new StringBuilder("a: &a [x, y, z, w, v, u, t, s, r, q]\n");
    for (int i = 1; i < 8; i++) {
      sb.append('b').append(i).append(": &b").append(i).append(" [").append(i == 1 ? "*a" : "*b" + (i - 1));
      sb.append((", " + (i == 1 ? "*a" : "*b" + (i - 1))).repeat(9)).append("]\n");
    }
    SpecException e = fails(sb.toString());
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.message()).contains("through aliases (an alias bomb?)");
    assertThat(d.line()).isBetween(2, 8);
  }

  @Test
  void sizeLimitsApplyToBytesAndText() {
    String big = "a: " + "x".repeat(YamlReader.MAX_BYTES) + "\n";
    assertThat(catchThrowableOfType(SpecException.class, () -> YamlReader.read("f.yml", big)).getMessage())
        .contains("at most " + YamlReader.MAX_BYTES);
    assertThat(catchThrowableOfType(SpecException.class, () -> YamlReader.read("f.yml", big.getBytes(UTF_8)))
        .getMessage()).contains("at most " + YamlReader.MAX_BYTES + " bytes");
  }

  @Test
  void emptyTextIsAnErrorAtTheStart() {
    SpecException e = fails("\uFEFF");
    assertThat(e.diagnostics().get(0).message()).contains("empty");
    assertThat(e.diagnostics().get(0).line()).isEqualTo(1);
  }

  private static SpecException fails(String text) {
    return catchThrowableOfType(SpecException.class, () -> YamlReader.read("f.yml", text));
  }
}
