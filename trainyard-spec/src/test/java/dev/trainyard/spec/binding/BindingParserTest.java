package dev.trainyard.spec.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Binding.Scope;
import dev.trainyard.spec.Template;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The binding parser: every form the dialect uses, and the offsets and bounds of its errors. */
class BindingParserTest {
  private static final Duration GUARD = Duration.ofSeconds(10);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'${{inputs.x}}',                     INPUTS,             x",
    "'${{ outputs.model_output }}',       OUTPUTS,            model_output",
    "'${{parent.inputs.lr}}',             PARENT_INPUTS,      lr",
    "'${{parent.outputs.trained}}',       PARENT_OUTPUTS,     trained",
    "'${{parent.jobs.train-1.outputs.m}}', PARENT_JOB_OUTPUTS, train-1/m",
    "'${{parent.jobs.a.inputs.b}}',       PARENT_JOB_INPUTS,  a/b",
    "'${{name}}',                         RUN_NAME,           ''",
    "'${{default_datastore}}',            DEFAULT_DATASTORE,  ''",
    "'${{search_space.c_value}}',         SEARCH_SPACE,       c_value",
  })
  void everyBindingFormParses(String raw, Scope scope, String names) throws BindingSyntaxException {
    Binding b = BindingParser.parse(raw).soleBinding();
    assertThat(b).isNotNull();
    assertThat(b.scope()).isEqualTo(scope);
    assertThat(String.join("/", b.names())).isEqualTo(names == null ? "" : names);
  }

  @Test
  void textBindingsAndOptionalFragmentsKeepTheirOffsets() throws BindingSyntaxException {
    String raw = "python a.py --x ${{inputs.x}} $[[--y ${{ inputs.y }}]] done";
    Template t = BindingParser.parse(raw);
    assertThat(t.raw()).isEqualTo(raw);
    assertThat(t.parts()).hasSize(5);
    assertThat(((Template.Ref) t.parts().get(1)).offset()).isEqualTo(raw.indexOf("${{inputs.x"));
    Template.Optional opt = (Template.Optional) t.parts().get(3);
    assertThat(opt.offset()).isEqualTo(raw.indexOf("$[["));
    assertThat(t.refs()).extracting(Template.Ref::offset)
        .containsExactly(raw.indexOf("${{inputs.x"), raw.indexOf("${{ inputs.y"));
  }

  @Test
  void plainTextAndLoneDollarsAreText() throws BindingSyntaxException {
    for (String s : List.of("", "echo $HOME ${X} $[x] {{y}} }} ]]", "$", "${", "${{}", "$[", "$[[]")) {
      if (!BindingParser.mayBind(s)) {
        Template t = BindingParser.parse(s);
        assertThat(t.hasBindings()).as(s).isFalse();
        assertThat(t.raw()).isEqualTo(s);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      echo ${{inputs.x                  | 5  | '${{' is not closed
      a ${{}} b                         | 2  | empty binding
      a ${{   }} b                      | 2  | empty binding
      x ${{inputs.a b}}                 | 2  | is not a name
      x ${{inputs..a}}                  | 2  | '' is not a name
      x ${{inputs.a.}}                  | 2  | is not a name
      ${{jobs.a.outputs.b}}             | 0  | unknown binding
      ${{parent.jobs.a.b}}              | 0  | unknown binding
      ${{inputs}}                       | 0  | unknown binding
      ${{inputs.1x}}                    | 0  | is not a name
      ${{inputs.x\u00e9}}               | 0  | is not a name
      go $[[--x ${{inputs.x}}           | 3  | '$[[' is not closed
      go $[[--x inputs.x]]              | 3  | has no ${{inputs.NAME}} inside
      go $[[a $[[${{inputs.x}}]] ]]     | 8  | cannot be nested
      go $[[--x ${{inputs.x]]}}         | 10 | '${{' is not closed
      """)
  void malformedBindingsFailAtTheirOffset(String raw, int offset, String message) {
    BindingSyntaxException e = catchThrowableOfType(BindingSyntaxException.class, () -> BindingParser.parse(raw));
    assertThat(e).as(raw).isNotNull();
    assertThat(e.getMessage()).contains(message);
    assertThat(e.offset()).isEqualTo(offset);
  }

  @Test
  void aMegabyteOfOpenBindingsFailsFastAtTheFirst() {
    String raw = "${{".repeat(349_000);
    BindingSyntaxException e = assertTimeoutPreemptively(GUARD,
        () -> catchThrowableOfType(BindingSyntaxException.class, () -> BindingParser.parse(raw)));
    assertThat(e.offset()).isZero();
    assertThat(e.getMessage()).contains("not closed");
  }

  @Test
  void aMegabyteOfOpenFragmentsFailsFast() {
    String raw = "$[[".repeat(349_000) + "]]";
    BindingSyntaxException e = assertTimeoutPreemptively(GUARD,
        () -> catchThrowableOfType(BindingSyntaxException.class, () -> BindingParser.parse(raw)));
    assertThat(e.getMessage()).contains("cannot be nested");
    assertThat(e.offset()).isEqualTo(3);
  }

  @Test
  void valuesOverTheLengthLimitAreRefused() {
    assertThatThrownBy(() -> BindingParser.parse("x".repeat((1 << 20) + 1)))
        .isInstanceOf(BindingSyntaxException.class).hasMessageContaining("longer than");
  }

  @Test
  void manyBindingsParseInBoundedTime() throws Exception {
    String raw = "echo " + "${{inputs.x}} $[[--o ${{outputs.o}}]] ".repeat(25_000);
    Template t = assertTimeoutPreemptively(GUARD, () -> BindingParser.parse(raw));
    assertThat(t.refs()).hasSize(50_000);
  }

  @Test
  void hugeMalformedValuesGiveShortMessages() {
    String name = "a".repeat(500_000) + "!";
    for (String raw : List.of("${{inputs." + name + "}}", "${{nope." + name + "}}", "${{" + name.replace("!", "")
        + "}}", "$[[" + "x".repeat(500_000) + "]]")) {
      BindingSyntaxException e = catchThrowableOfType(BindingSyntaxException.class, () -> BindingParser.parse(raw));
      assertThat(e).isNotNull();
      assertThat(e.getMessage().length()).as(e.getMessage().substring(0, 60)).isLessThan(400);
    }
  }
}
