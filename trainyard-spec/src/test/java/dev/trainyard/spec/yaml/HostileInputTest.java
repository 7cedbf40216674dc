package dev.trainyard.spec.yaml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SpecException;
import dev.trainyard.spec.load.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile structure: alias bombs, deep nesting, oversized files — each a clear, located error
 * (never an exception) in bounded time and memory.
 */
class HostileInputTest extends HostileFiles {
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
}
