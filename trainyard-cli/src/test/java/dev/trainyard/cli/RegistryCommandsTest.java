package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data}, {@code model} and {@code component} as a user calls them, and pipelines that use them. */
class RegistryCommandsTest {
  @TempDir Path dir;
  String ws;
  Path data;

  @BeforeEach
  void setUp() throws Exception {
    ws = dir.resolve("ws").toString();
    data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("rows.csv"), "a,b\n1,2\n3,4\n");
  }

  private CliRunner.Outcome cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--workspace";
    all[args.length + 1] = ws;
    return CliRunner.run(all);
  }

  @Test
  void registeringCommandsAnswerHelpDespiteTheirOwnVersionOption() {
    // Their --version is an asset's version, which kept picocli's -h/--help away (it adds -h and -V
    // together or not at all): --help was an unknown option.
    for (String[] cmd : new String[][] {{"data", "create"}, {"model", "register"}, {"component", "create"}}) {
      for (String help : new String[] {"--help", "-h"}) {
        CliRunner.Outcome r = CliRunner.run(cmd[0], cmd[1], help);
        assertThat(r.exitCode()).as(String.join(" ", cmd) + " " + help + ": " + r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: trainyard " + cmd[0] + " " + cmd[1]).contains("--version=V")
            .contains("-h, --help");
      }
    }
  }

  @Test
  void dataCreateListShowDownload() throws Exception {
    var created = cli("data", "create", "--name", "rows", "--path", data.toString(), "--tag", "src=test",
        "--description", "three rows");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("data asset rows:1 registered");
    assertThat(cli("data", "create", "--name", "rows", "--path", data.toString()).out()).contains("unchanged");
    var list = cli("data", "list", "--json", "--tag", "src=test");
    assertThat(list.out()).contains("\"name\" : \"rows\"").contains("\"version\" : \"1\"");
    assertThat(cli("data", "list", "--tag", "src=other").out().lines().count()).isEqualTo(1); // the header only
    var show = cli("data", "show", "rows@latest", "--json");
    assertThat(show.out()).contains("\"description\" : \"three rows\"").contains("\"files\" : 1")
        .contains("\"provenance\" : {").contains("\"java_version\"");
    Path out = dir.resolve("out");
    assertThat(cli("data", "download", "rows:1", out.toString()).exitCode()).isZero();
    assertThat(Files.readString(out.resolve("rows.csv"))).isEqualTo("a,b\n1,2\n3,4\n");
  }

  @Test
  void dataCreateFromAzureYaml() throws Exception {
    Path yml = dir.resolve("data.yml");
    Files.writeString(yml, """
        $schema: https://azuremlschemas.azureedge.net/latest/data.schema.json
        name: rows-from-yaml
        version: 3
        description: from a file
        type: uri_folder
        path: ./data
        tags:
          owner: me
        """);
    var r = cli("data", "create", "-f", yml.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(cli("data", "show", "rows-from-yaml:3").out()).contains("tag:         owner=me")
        .contains("description: from a file");
    Files.writeString(yml, "name: x\npath: ./data\ntype: uri_flder\n");
    var bad = cli("data", "create", "-f", yml.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("data.yml:3:7").contains("uri_flder");
  }

  @Test
  void badInputIsAClearErrorAndWritesNothing() throws Exception {
    assertThat(cli("data", "create", "--name", "rows", "--version", "1", "--path", data.toString()).exitCode()).isZero();
    long before = rows("assets");
    Files.writeString(data.resolve("rows.csv"), "other\n");
    String[][] cases = {
      {"data", "create", "--name", "rows", "--version", "1", "--path", data.toString()},
      {"data", "create", "--name", "../up", "--path", data.toString()},
      {"data", "create", "--name", "a\u0007b", "--path", data.toString()},
      {"data", "create", "--name", "n".repeat(256), "--path", data.toString()},
      {"data", "create", "--name", "ok", "--path", dir.resolve("missing").toString()},
      {"data", "create", "--name", "ok", "--type", "uri_file", "--path", data.toString()},
      {"data", "show", "nothing:1"},
      {"model", "register", "--name", "m", "--from", "nope:step:out"},
      {"model", "alias", "rows", "champion", "1"},
    };
    for (String[] c : cases) {
      var r = cli(c);
      assertThat(r.exitCode()).as(String.join(" ", c)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", c)).startsWith("trainyard: ").doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(rows("assets")).isEqualTo(before);
  }

  @Test
  void pipelineUsesRegisteredDataAndComponentAndRegistersItsOutputs() throws Exception {
    Path comp = Files.createDirectories(dir.resolve("comp"));
    Files.createDirectories(comp.resolve("src"));
    Files.writeString(comp.resolve("src").resolve("count.sh"), "cat \"$1\"/*.csv | wc -l > \"$2/n.txt\"\n");
    Files.writeString(comp.resolve("count.yml"), """
        type: command
        name: count_rows
        inputs:
          data: {type: uri_folder}
        outputs:
          n: {type: uri_folder}
        code: ./src
        command: bash count.sh ${{inputs.data}} ${{outputs.n}}
        """);
    assertThat(cli("data", "create", "--name", "rows", "--path", data.toString()).exitCode()).isZero();
    var c = cli("component", "create", "-f", comp.resolve("count.yml").toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    assertThat(c.out()).contains("component count_rows:1 registered");
    // The code folder changes after registering: pipelines still get the registered snapshot.
    Files.writeString(comp.resolve("src").resolve("count.sh"), "echo changed > \"$2/n.txt\"\n");
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        inputs:
          raw: {type: uri_folder, path: azureml:rows:1}
        outputs:
          trained: {type: custom_model, name: counter}
        jobs:
          count:
            component: azureml:count_rows@latest
            inputs:
              data: ${{parent.inputs.raw}}
            outputs:
              n: {name: row-counts}
          train:
            command: cp ${{inputs.n}}/n.txt ${{outputs.m}}/model.txt && echo "##trainyard[metric name=f1 value=0.9]"
            inputs:
              n: ${{parent.jobs.count.outputs.n}}
            outputs:
              m: ${{parent.outputs.trained}}
        """);
    var run = cli("run", p.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("data asset row-counts:1 registered").contains("model counter:1 registered");
    Path got = dir.resolve("got");
    assertThat(cli("model", "download", "counter@latest", got.toString()).exitCode()).isZero();
    assertThat(Files.readString(got.resolve("model.txt")).strip()).isEqualTo("3");
    var show = cli("model", "show", "counter:1", "--json");
    assertThat(show.out()).contains("\"f1\" : 0.9").contains("\"code_sha256\"").contains("\"run_seed\":0")
        .contains("\"data\":{").contains("\"os\"");
    // Reused on a second run: the same content, so no new versions.
    var again = cli("run", p.toString());
    assertThat(again.err()).contains("model counter:1 unchanged");
    // An unregistered reference is a located error before anything runs.
    Files.writeString(p, Files.readString(p).replace("azureml:rows:1", "azureml:rows:7"));
    var bad = cli("run", p.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("p.yml:3:").contains("data asset 'rows:7' is not registered");
  }

  @Test
  void modelRegisterFromARunOutputAndAliases() throws Exception {
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        jobs:
          train:
            command: echo weights > ${{outputs.model}}/w.txt
            outputs:
              model: {type: custom_model}
        """);
    assertThat(cli("run", "-q", p.toString()).exitCode()).isZero();
    var r = cli("model", "register", "--name", "det", "--from", "latest:train:model", "--tag", "stage=dev");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("model det:1 registered");
    var wrong = cli("model", "register", "--name", "det", "--from", "latest:train:weights");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("has no stored output 'weights'").contains("its outputs: model");
    Path m2 = Files.createDirectories(dir.resolve("m2"));
    Files.writeString(m2.resolve("w.txt"), "better\n");
    assertThat(cli("model", "register", "--name", "det", "--path", m2.toString()).out()).contains("det:2 registered");
    assertThat(cli("model", "alias", "det", "champion", "1").out()).contains("det@champion -> 1");
    assertThat(cli("model", "alias", "det", "champion", "2").out()).contains("(was 1)");
    Path got = dir.resolve("got");
    assertThat(cli("model", "download", "det@champion", got.toString()).exitCode()).isZero();
    assertThat(Files.readString(got.resolve("w.txt"))).isEqualTo("better\n");
    assertThat(cli("model", "list", "--json").out()).contains("\"champion\"");
    assertThat(cli("model", "show", "det:1", "--json").out()).contains("\"source\" : \"")
        .contains(":train:model\"").contains("\"stage\" : \"dev\"");
  }

  @Test
  void validateResolvesRegisteredReferencesInTheGivenWorkspaceOnly() throws Exception {
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        inputs:
          raw: {type: uri_folder, path: azureml:rows@latest}
        jobs:
          show:
            command: ls ${{inputs.d}}
            inputs:
              d: ${{parent.inputs.raw}}
        """);
    var before = CliRunner.run("validate", "--workspace", ws, p.toString());
    assertThat(before.exitCode()).isEqualTo(2);
    assertThat(before.err()).contains("p.yml:3:").contains("data asset 'rows@latest' is not registered")
        .contains("trainyard data create --name rows");
    assertThat(Path.of(ws)).doesNotExist(); // validating never creates a workspace
    assertThat(cli("data", "create", "--name", "rows", "--path", data.toString()).exitCode()).isZero();
    var after = CliRunner.run("validate", "--workspace", ws, p.toString());
    assertThat(after.exitCode()).as(after.err()).isZero();
  }

  private long rows(String table) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(ws).resolve("trainyard.db"));
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      return rs.getLong(1);
    }
  }
}
