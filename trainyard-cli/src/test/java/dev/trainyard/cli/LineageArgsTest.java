package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The picocli-free reading of lineage's common forms, and what it leaves to picocli. */
class LineageArgsTest {
  @Test
  void readsTheCommonForms() {
    LineageCommand c = LineageArgs.parse(new String[] {"lineage", "model:m:1", "--upstream", "--json", "--workspace", "w"});
    assertThat(c.ref).isEqualTo("model:m:1");
    assertThat(c.upstream).isTrue();
    assertThat(c.downstream).isFalse();
    assertThat(c.json).isTrue();
    assertThat(c.workspace).isEqualTo(Path.of("w"));
    LineageCommand f = LineageArgs.parse(new String[] {"lineage", "--file=data/a.csv", "--dot", "--downstream"});
    assertThat(f.file).isEqualTo(Path.of("data/a.csv"));
    assertThat(f.dot).isTrue();
    assertThat(f.ref).isNull();
  }

  @Test
  void leavesHelpMistakesAndOddFormsToPicocli() {
    for (String[] args : new String[][] {
        {"lineage", "--help"}, {"lineage", "-h"}, {"lineage", "-V"}, {"lineage", "--bogus"}, {"lineage", "a", "b"},
        {"lineage", "--file"}, {"lineage", "--json=yes", "x"}, {"lineage", "--", "x"}, {"lineage", "--file", "a\0b"}}) {
      assertThat(LineageArgs.parse(args)).as(String.join(" ", args)).isNull();
    }
  }
}
