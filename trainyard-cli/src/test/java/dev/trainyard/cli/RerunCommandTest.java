package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainyard rerun}: real runs, rerun from their record and compared output by output. */
class RerunCommandTest {
  @TempDir Path dir;
  String ws;

  @BeforeEach
  void setUp() {
    ws = dir.resolve("ws").toString();
  }

  /** A pipeline with code in {@code src/} and a local data file, both read by its first step. */
  private Path deterministic() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("src/sort.sh"), "tr ' ' '\\n' < \"$1\" | sort -n > \"$2/sorted.txt\"\n"
        + "echo \"seed=$TRAINYARD_SEED factor=$3\" > \"$2/seed.txt\"\n");
    Files.writeString(dir.resolve("data/in.txt"), "3 1 2");
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        inputs:
          data:
            type: uri_file
            path: ./data/in.txt
          factor: 2
        jobs:
          sort:
            code: ./src
            command: bash sort.sh ${{inputs.d}} ${{outputs.o}} ${{inputs.f}}
            inputs:
              d: ${{parent.inputs.data}}
              f: ${{parent.inputs.factor}}
            outputs:
              o:
          head:
            command: head -n 1 ${{inputs.i}}/sorted.txt > ${{outputs.o}}
            inputs:
              i: ${{parent.jobs.sort.outputs.o}}
            outputs:
              o:
                type: uri_file
        """);
    return p;
  }

  private String firstRun(Path p, String... more) {
    String[] args = Stream.concat(Stream.of("run", "-q", "--workspace", ws, "--seed", "11"), Stream.of(more))
        .toArray(String[]::new);
    CliRunner.Outcome run = CliRunner.run(Stream.concat(Stream.of(args), Stream.of(p.toString())).toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    CliRunner.Outcome list = CliRunner.run("runs", "list", "--json", "--workspace", ws);
    return list.out().lines().filter(l -> l.contains("\"id\"")).findFirst().orElseThrow().replaceAll(".*: \"|\",?$", "");
  }

  @Test
  void deterministicPipelineRerunsIdenticalAsANewTaggedRunReusingNothing() throws Exception {
    String original = firstRun(deterministic(), "--set", "inputs.factor=5");
    CliRunner.Outcome r = CliRunner.run("rerun", "--json", "--workspace", ws, original);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("\"rerun_of\" : \"" + original + "\"").contains("\"identical\" : true")
        .contains("\"non_deterministic\" : [ ]").doesNotContain("\"differs\"");
    assertThat(r.out().split("\"verdict\" : \"identical\"", -1)).hasSize(5); // 2 steps, 2 outputs
    CliRunner.Outcome show = CliRunner.run("runs", "show", "latest", "--json", "--workspace", ws);
    assertThat(show.out()).contains("\"trainyard.rerun_of\" : \"" + original + "\"").contains("\"factor\" : \"5\"")
        .doesNotContain("\"reused\" : true");
    CliRunner.Outcome text = CliRunner.run("rerun", "--workspace", ws, original);
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("identical         sort").contains("reproduced: every output is identical");
  }

  @Test
  void stepWritingRandomBytesIsReportedNonDeterministicWithTheFileThatDiffers() throws Exception {
    Path p = dir.resolve("noisy.yml");
    Files.writeString(p, """
        type: pipeline
        jobs:
          fixed:
            command: echo same > ${{outputs.o}}/same.txt
            outputs:
              o:
          noisy:
            command: >-
              mkdir ${{outputs.o}}/sub && od -An -tx1 -N16 /dev/urandom > ${{outputs.o}}/sub/random.txt
              && date +%N >> ${{outputs.o}}/sub/random.txt && cp ${{inputs.i}}/same.txt ${{outputs.o}}/
            inputs:
              i: ${{parent.jobs.fixed.outputs.o}}
            outputs:
              o:
          after:
            command: wc -c < ${{inputs.i}}/sub/random.txt > ${{outputs.o}}/size.txt; cat ${{inputs.i}}/sub/random.txt > ${{outputs.o}}/copy.txt
            inputs:
              i: ${{parent.jobs.noisy.outputs.o}}
            outputs:
              o:
        """);
    String original = firstRun(p);
    CliRunner.Outcome r = CliRunner.run("rerun", "--workspace", ws, original);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("identical         fixed").contains("NON-DETERMINISTIC noisy")
        .contains("output o differs").contains("changed: sub/random.txt").doesNotContain("same.txt")
        .contains("differs           after: its inputs differed from the original's (input.i)")
        .contains("non-deterministic steps: noisy\n").contains("not reproduced: 1 of 3 steps identical");
    CliRunner.Outcome json = CliRunner.run("rerun", "--json", "--workspace", ws, original);
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.out()).contains("\"non_deterministic\" : [ \"noisy\" ]").contains("\"path\" : \"sub/random.txt\"")
        .contains("\"identical\" : false");
  }

  @Test
  void rerunUsesTheRecordedCodeDataAndPipelineAfterAllThreeChangedOnDisk() throws Exception {
    Path p = deterministic();
    String original = firstRun(p);
    Files.writeString(dir.resolve("src/sort.sh"), "echo edited > \"$2/sorted.txt\"\n");
    Files.writeString(dir.resolve("data/in.txt"), "9 8 7");
    Files.writeString(p, Files.readString(p).replace("factor: 2", "factor: 3"));
    List<String> before = listing(dir);

    CliRunner.Outcome r = CliRunner.run("rerun", "--json", "--workspace", ws, original);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("\"identical\" : true");
    assertThat(listing(dir)).as("the recovered pipeline copy is removed").isEqualTo(before);
    CliRunner.Outcome text = CliRunner.run("rerun", "--workspace", ws, original);
    assertThat(text.err()).contains("p.yml changed since run " + original + "; using the version the run recorded");

    // The edits are real: a plain run of today's files gives other outputs, which a rerun of it reproduces.
    CliRunner.Outcome today = CliRunner.run("run", "--json", "--workspace", ws, p.toString());
    assertThat(today.exitCode()).isZero();
    CliRunner.Outcome show = CliRunner.run("runs", "show", original, "--json", "--workspace", ws);
    String sha = show.out().replaceFirst("(?s).*?\"o\" : \"([0-9a-f]{64})\".*", "$1"); // step sort's output
    assertThat(sha).hasSize(64);
    assertThat(today.out()).doesNotContain(sha);
    Files.delete(dir.resolve("data/in.txt"));
    assertThat(CliRunner.run("rerun", "-q", "--workspace", ws, original).exitCode()).as("data gone, still recorded")
        .isZero();
  }

  @Test
  void componentEditedSinceIsRerunAsTheRunReadIt() throws Exception {
    Path comp = dir.resolve("comp.yml");
    Files.writeString(comp, """
        $schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
        type: command
        name: make
        outputs:
          o:
            type: uri_folder
        command: echo a > ${{outputs.o}}/a.txt
        """);
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        jobs:
          make:
            component: ./comp.yml
        """);
    String original = firstRun(p);
    String edited = Files.readString(comp).replace("echo a", "echo b");
    Files.writeString(comp, edited);
    CliRunner.Outcome r = CliRunner.run("rerun", "--workspace", ws, original);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("note: component file " + comp.toAbsolutePath().normalize() + " changed since run "
        + original + "; using the version the run recorded");
    assertThat(r.out()).contains("identical         make").contains("reproduced: every output is identical")
        .doesNotContain("definition");
    assertThat(Files.readString(comp)).as("the file on disk is left as it is").isEqualTo(edited);
    // A rerun of the rerun reads the same recorded component.
    CliRunner.Outcome again = CliRunner.run("rerun", "--json", "--workspace", ws, "latest");
    assertThat(again.out()).contains("\"reproduced\" : true").contains("\"definition_changed\" : [ ]");
    // A plain run reads the file as it is now.
    assertThat(CliRunner.run("run", "-q", "--workspace", ws, p.toString()).exitCode()).isZero();
    assertThat(CliRunner.run("artifacts", "get", "--workspace", ws, "latest:make:o", dir.resolve("got").toString())
        .exitCode()).isZero();
    assertThat(dir.resolve("got/a.txt")).hasContent("b");
  }

  @Test
  void failingRerunIsReportedAndIsNotResumedFromDisk() throws Exception {
    Path flag = dir.resolve("flag");
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        jobs:
          make:
            command: test ! -e FLAG && echo a > ${{outputs.o}}/a.txt
            outputs:
              o:
        """.replace("FLAG", flag.toString()));
    String original = firstRun(p);
    Files.writeString(flag, "");
    CliRunner.Outcome r = CliRunner.run("rerun", "--workspace", ws, original);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("failed            make: exit code 1").contains("not reproduced: 0 of 1");

    CliRunner.Outcome resume = CliRunner.run("resume", "--workspace", ws, "latest");
    assertThat(resume.exitCode()).isEqualTo(2);
    assertThat(resume.err()).contains("is a rerun of " + original + "; check it again with 'trainyard rerun");
  }

  private static List<String> listing(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }
}
