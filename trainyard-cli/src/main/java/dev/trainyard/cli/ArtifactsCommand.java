package dev.trainyard.cli;

import dev.trainyard.store.IoRecord;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.Sha256;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trainyard artifacts get REF DIR}: copies a stored output out of the workspace, verified. */
@Command(name = "artifacts", description = "Get stored artifacts.", mixinStandardHelpOptions = true,
    subcommands = {ArtifactsCommand.Get.class})
final class ArtifactsCommand extends CommandGroup {
  @Command(name = "get", description = "Copy an artifact into DIR: REF is RUN:STEP:OUTPUT or a SHA-256.",
      mixinStandardHelpOptions = true)
  static final class Get implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REF") String ref;
    @Parameters(index = "1", paramLabel = "DIR") Path dir;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      try (Workspace ws = workspace.open()) {
        StoredObject o = resolve(ws);
        if (o == null) {
          return ExitCodes.BAD_INPUT;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
          System.err.println("trainyard: " + dir + " exists and is not a folder");
          return ExitCodes.BAD_INPUT;
        }
        if (o.kind() == StoredObject.Kind.TREE) {
          ws.objects().materializeTree(o.sha256(), dir);
        } else {
          ws.objects().materializeFile(o.sha256(), dir.resolve(o.sha256()), false);
        }
        System.out.println(dir + ": " + o.files() + (o.files() == 1 ? " file, " : " files, ") + o.size() + " bytes");
        return ExitCodes.OK;
      }
    }

    private StoredObject resolve(Workspace ws) throws Exception {
      if (Sha256.isHash(ref)) {
        StoredObject o = ws.results().artifact(ref);
        if (o == null) {
          System.err.println("trainyard: no artifact " + ref + " in " + ws.root());
        }
        return o;
      }
      String[] p = ref.split(":");
      if (p.length != 3) {
        System.err.println("trainyard: REF '" + ref + "': expected RUN:STEP:OUTPUT or a SHA-256 hash");
        return null;
      }
      RunRecord run = RunRefs.run(ws, p[0]);
      StepRunRecord step = run == null ? null : RunRefs.step(ws, run, p[1]);
      if (step == null) {
        return null;
      }
      IoRecord io = ws.results().io(step.id(), "out").get(p[2]);
      if (io == null) {
        System.err.println("trainyard: step " + step.name() + " of run " + run.id() + " has no stored output '" + p[2]
            + "'" + (step.isCompleted() ? "" : " (the step " + step.status() + ")"));
        return null;
      }
      return ws.results().artifact(io.artifactSha256());
    }
  }
}
