package dev.trainyard.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** "Did you mean" hints, which the corpus tests assert exactly. */
class SuggestTest {

  @RepeatedTest(5)
  void tiesGoToTheAlphabeticallyFirstWhateverTheSetOrder() {
    // "inputz" is one edit from both; Set.of iterates in a per-run order.
    assertThat(Suggest.closest("inputz", Set.of("outputs", "inputs", "input"))).isEqualTo("input");
    assertThat(Suggest.closest("inputz", List.of("inputs", "input"))).isEqualTo("input");
  }

  @Test
  void hintsAndLists() {
    assertThat(Suggest.hint("prep_dta", List.of("prep_data", "train"))).isEqualTo("did you mean 'prep_data'?");
    assertThat(Suggest.hint("zzz", List.of("prep_data", "train"))).isNull();
    assertThat(Suggest.hintOrList("zzz", List.of("a", "b"), "its inputs")).isEqualTo("its inputs: a, b");
    assertThat(Suggest.hintOrList("zzz", List.of(), "its inputs")).isEqualTo("its inputs: none");
  }
}
