package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registered folder of many small files is stored packed; a parallel step stages it as hard
 * links all the same, to loose copies of the packed objects made (verified) on first use.
 */
class PackedInputStagingTest {
  @TempDir Path dir;

  @Test
  void packedObjectsAreStagedAsHardLinksToVerifiedLooseCopies() throws Exception {
    Path src = Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(src.resolve("f" + String.format("%03d", i)), "row " + i + "\n");
    }
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      StoredObject tree = ws.objects().putTree(src, false);
      String sha = ws.objects().readTree(tree.sha256()).entries().get(0).sha256();
      assertThat(Files.exists(ws.objects().pathOf(sha))).as("packed, not loose").isFalse();

      InputStaging s = InputStaging.of(ws, tree, dir.resolve("stage"));
      List<Path> batch = s.items().subList(0, 5);
      s.stage(batch);
      Path first = batch.get(0);
      assertThat(Files.readString(first)).isEqualTo("row 0\n");
      Object staged = Files.getAttribute(first, "unix:ino", LinkOption.NOFOLLOW_LINKS);
      Object object = Files.getAttribute(ws.objects().pathOf(sha), "unix:ino", LinkOption.NOFOLLOW_LINKS);
      assertThat(staged).as("a hard link to the now-loose object").isEqualTo(object);
      assertThat(s.verify(0, batch)).isNull();
      assertThat(ws.objects().verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
    }
  }
}
