package dev.trainyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {
  @TempDir Path tmp;
  ObjectStore store;

  @BeforeEach
  void open() throws IOException {
    store = new ObjectStore(tmp.resolve("ws"));
  }

  private Path file(String rel, String content) throws IOException {
    Path p = tmp.resolve("src").resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void fileIsStoredUnderTheSha256OfItsBytes() throws IOException {
    StoredObject o = store.putFile(file("a.txt", "hello\n"));
    assertThat(o.sha256()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    assertThat(o.size()).isEqualTo(6);
    assertThat(Files.readString(store.pathOf(o.sha256()))).isEqualTo("hello\n");
  }

  @Test
  void identicalContentIsStoredOnce() throws IOException {
    StoredObject a = store.putFile(file("a.txt", "same"));
    StoredObject b = store.putFile(file("b.txt", "same"));
    assertThat(a.sha256()).isEqualTo(b.sha256());
    try (var s = Files.walk(tmp.resolve("ws/objects"))) {
      assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(1);
    }
    try (var s = Files.list(tmp.resolve("ws/tmp"))) {
      assertThat(s.count()).as("no temporary files left behind").isZero();
    }
  }

  @Test
  void folderHashDependsOnlyOnContentAndRoundTrips() throws IOException {
    file("d/x.txt", "x");
    file("d/sub/y.txt", "y");
    Path script = file("d/run.sh", "#!/bin/sh\n");
    script.toFile().setExecutable(true);
    StoredObject tree = store.putTree(tmp.resolve("src/d"), false);
    assertThat(tree.kind()).isEqualTo(StoredObject.Kind.TREE);
    assertThat(tree.files()).isEqualTo(3);

    Path out = tmp.resolve("out");
    store.materializeTree(tree.sha256(), out);
    assertThat(Files.readString(out.resolve("sub/y.txt"))).isEqualTo("y");
    assertThat(Files.isExecutable(out.resolve("run.sh"))).isTrue();
    assertThat(store.putTree(out, false).sha256()).isEqualTo(tree.sha256());

    Files.writeString(out.resolve("x.txt"), "changed");
    assertThat(store.putTree(out, false).sha256()).isNotEqualTo(tree.sha256());
  }

  @Test
  void movedFilesLeaveTheirFolderAndAreStored() throws IOException {
    file("m/a.bin", "payload");
    StoredObject tree = store.putTree(tmp.resolve("src/m"), true);
    assertThat(Files.exists(tmp.resolve("src/m/a.bin"))).isFalse();
    assertThat(store.verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
  }

  @Test
  void aFolderOfManyFilesStoredOnSeveralThreadsGivesTheSameTreeAsOneByOne() throws IOException {
    StringBuilder expected = new StringBuilder("trainyard-tree 1\n");
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String content = "file " + i + "\n".repeat(i);
      Path f = file("many/d" + (i % 3) + "/f" + i + ".txt", content);
      lines.add(Sha256.of(content.getBytes(StandardCharsets.UTF_8)) + " " + Files.size(f) + " - "
          + tmp.resolve("src/many").relativize(f));
    }
    lines.stream().sorted(java.util.Comparator.comparing(l -> l.substring(l.lastIndexOf(' ') + 1)))
        .forEach(l -> expected.append(l).append('\n'));
    StoredObject tree = store.putTree(tmp.resolve("src/many"), true);
    assertThat(tree.files()).isEqualTo(40);
    assertThat(new String(store.readBytes(tree.sha256()), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    assertThat(store.verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
    try (var s = Files.walk(tmp.resolve("src/many"))) {
      assertThat(s.filter(Files::isRegularFile)).as("every file moved into the store").isEmpty();
    }
  }

  @Test
  void tamperedObjectIsDetectedAndNeverServed() throws IOException {
    StoredObject o = store.putFile(file("a.txt", "genuine"));
    Path obj = store.pathOf(o.sha256());
    obj.toFile().setWritable(true);
    Files.writeString(obj, "evil");
    Path dest = tmp.resolve("restored.txt");
    assertThatThrownBy(() -> store.materializeFile(o.sha256(), dest, false))
        .isInstanceOf(CorruptObjectException.class).hasMessageContaining(o.sha256());
    assertThat(dest).doesNotExist();
    // The damaged bytes are quarantined, never served again, and good bytes can be stored anew.
    assertThat(store.verify(o.sha256(), StoredObject.Kind.FILE)).isFalse();
    assertThat(tmp.resolve("ws/quarantine")).isNotEmptyDirectory();
    assertThat(store.putFile(file("again.txt", "genuine")).sha256()).isEqualTo(o.sha256());
    assertThat(store.verify(o.sha256(), StoredObject.Kind.FILE)).isTrue();
  }

  @Test
  void linksInAFolderAreRefused() throws IOException {
    file("l/a.txt", "a");
    Files.createSymbolicLink(tmp.resolve("src/l/link"), Path.of("/etc/passwd"));
    assertThatThrownBy(() -> store.putTree(tmp.resolve("src/l"), false))
        .isInstanceOf(IOException.class).hasMessageContaining("'link'").hasMessageContaining("link or special file");
  }

  @Test
  void manifestEncodesAwkwardNames() throws IOException {
    TreeManifest m = new TreeManifest(java.util.List.of(
        new TreeManifest.Entry("a%0Ab\nc d", "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", 6, false)));
    TreeManifest back = TreeManifest.decode(new String(m.encode(), StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(m);
  }

  @Test
  void putAllStoresFoldersAndFilesAsTheirOwnPutsWouldAndMovesThemIn() throws IOException {
    for (int i = 0; i < 40; i++) {
      file("out/d/f" + i, "content " + i);
    }
    Path log = file("log.txt", "a log\n");
    StoredObject tree = new ObjectStore(tmp.resolve("peer")).putTree(tmp.resolve("src/out"), false);
    StoredObject single = new ObjectStore(tmp.resolve("peer")).putFile(log);
    var all = store.putAll(java.util.List.of(tmp.resolve("src/out"), log), true);
    assertThat(all).containsExactly(tree, single);
    assertThat(store.verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
    assertThat(store.readTree(tree.sha256()).entries()).hasSize(40);
    assertThat(log).doesNotExist();
    assertThat(tmp.resolve("src/out/d/f7")).doesNotExist();
  }
}
