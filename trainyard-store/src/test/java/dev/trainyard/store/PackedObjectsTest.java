package dev.trainyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copied folder of many small files is stored as a pack: read back, verified, crash-safe. */
class PackedObjectsTest {
  static final int N = PackedFiles.MIN_FILES + 44;
  @TempDir Path tmp;
  ObjectStore store;
  Path src;

  @BeforeEach
  void folder() throws IOException {
    store = new ObjectStore(tmp.resolve("ws"));
    src = tmp.resolve("src");
    for (int i = 0; i < N; i++) {
      Path f = src.resolve("p" + (i % 7)).resolve("f" + i + ".csv");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "id,x\n" + i + "," + (i * 7) + "\n");
    }
    Files.writeString(src.resolve("dup-a.txt"), "same");
    Files.writeString(src.resolve("dup-b.txt"), "same");
    Files.write(src.resolve("big.bin"), new byte[(int) PackedFiles.MAX_SIZE + 1]);
    Path run = Files.writeString(src.resolve("run.sh"), "#!/bin/sh\n");
    run.toFile().setExecutable(true);
  }

  private List<Path> files(String glob) throws IOException {
    try (Stream<Path> s = Files.walk(tmp.resolve("ws/objects"))) {
      return s.filter(p -> p.getFileName().toString().matches(glob)).toList();
    }
  }

  private static long looseObjects(Path objects) throws IOException {
    try (Stream<Path> s = Files.walk(objects)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("packs")).count();
    }
  }

  @Test
  void packedFolderGivesTheSameTreeAsLooseObjectsAndReadsBack() throws IOException {
    StoredObject packed = store.putTree(src, false);
    StoredObject loose = new ObjectStore(tmp.resolve("peer")).putTree(copyOfFirst(PackedFiles.MIN_FILES - 1), false);
    assertThat(packed.files()).isEqualTo(N + 4);
    assertThat(files(".*\\.pack")).hasSize(1);
    assertThat(files(".*\\.idx")).hasSize(1);
    // Only the manifest and the big file are loose; the rest share one pack (the duplicate once).
    assertThat(looseObjects(tmp.resolve("ws/objects"))).isEqualTo(2);
    assertThat(looseObjects(tmp.resolve("peer/objects"))).as("fewer files: loose").isEqualTo(PackedFiles.MIN_FILES);
    assertThat(loose.kind()).isEqualTo(StoredObject.Kind.TREE);

    // A fresh store (another process) finds them through the index.
    ObjectStore again = new ObjectStore(tmp.resolve("ws"));
    assertThat(again.verify(packed.sha256(), StoredObject.Kind.TREE)).isTrue();
    Path out = tmp.resolve("out");
    again.materializeTree(packed.sha256(), out);
    assertThat(Files.readString(out.resolve("p3/f10.csv"))).isEqualTo("id,x\n10,70\n");
    assertThat(Files.isExecutable(out.resolve("run.sh"))).isTrue();
    assertThat(again.putTree(out, false).sha256()).as("same content, same tree").isEqualTo(packed.sha256());
    assertThat(files(".*\\.pack")).as("everything deduplicated: no second pack").hasSize(1);

    String sha = again.readTree(packed.sha256()).entries().get(0).sha256();
    assertThat(again.size(sha)).isEqualTo(again.readBytes(sha).length);
    Path object = again.loose(sha);
    assertThat(object).isEqualTo(again.pathOf(sha)).isRegularFile();
    assertThat(Sha256.of(Files.readAllBytes(object))).isEqualTo(sha);
  }

  private Path copyOfFirst(int n) throws IOException {
    Path dir = tmp.resolve("few");
    for (int i = 0; i < n; i++) {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("f" + i), "few " + i);
    }
    return dir;
  }

  @Test
  void damagedPackEntryIsDetectedNeverServedAndStoredAgain() throws IOException {
    StoredObject tree = store.putTree(src, false);
    TreeManifest.Entry e = store.readTree(tree.sha256()).entries().stream()
        .filter(x -> x.path().equals("p2/f9.csv")).findFirst().orElseThrow();
    Path pack = files(".*\\.pack").get(0);
    byte[] all = Files.readAllBytes(pack);
    int at = new String(all, StandardCharsets.ISO_8859_1).indexOf("id,x\n9,63\n");
    try (FileChannel ch = FileChannel.open(pack, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap("E".getBytes(StandardCharsets.US_ASCII)), at);
    }
    ObjectStore fresh = new ObjectStore(tmp.resolve("ws"));
    Path dest = tmp.resolve("restored.csv");
    assertThatThrownBy(() -> fresh.materializeFile(e.sha256(), dest, false))
        .isInstanceOf(CorruptObjectException.class).hasMessageContaining(e.sha256()).hasMessageContaining(".pack");
    assertThat(dest).doesNotExist();
    assertThat(fresh.verify(tree.sha256(), StoredObject.Kind.TREE)).isFalse();
    // Listed as damaged for later processes too; the same content stored again is good.
    ObjectStore later = new ObjectStore(tmp.resolve("ws"));
    assertThat(later.contains(e.sha256())).isFalse();
    Files.writeString(src.resolve("p2/f9.csv"), "id,x\n9,63\n");
    later.putTree(src, false);
    assertThat(later.readBytes(e.sha256())).isEqualTo("id,x\n9,63\n".getBytes(StandardCharsets.UTF_8));
    assertThat(new ObjectStore(tmp.resolve("ws")).verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
  }

  @Test
  void aPackCutOffBeforeItsIndexLeavesTheStoreAsItWas() throws IOException {
    // A crash mid-write: bytes appended, never finished (no index renamed in).
    Packs packs = new Packs(tmp.resolve("ws/objects/packs"));
    PackWriter w = new PackWriter(tmp.resolve("ws/tmp"), packs);
    byte[] b = "id,x\n1,7\n".getBytes(StandardCharsets.UTF_8);
    w.add(Sha256.of(b), b);
    ObjectStore after = new ObjectStore(tmp.resolve("ws"));
    assertThat(after.contains(Sha256.of(b))).isFalse();
    assertThat(files(".*\\.idx")).isEmpty();
    // A pack whose index was lost (renamed in, then the crash) is not read either.
    Files.createDirectories(tmp.resolve("ws/objects/packs"));
    Files.writeString(tmp.resolve("ws/objects/packs/orphan.pack"), Packs.PACK_HEADER + "junk");
    StoredObject tree = after.putTree(src, false);
    assertThat(new ObjectStore(tmp.resolve("ws")).verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
    assertThat(new ObjectStore(tmp.resolve("ws")).readBytes(Sha256.of(b))).isEqualTo(b);
  }

  @Test
  void aTruncatedPackFailsTheHashCheck() throws IOException {
    StoredObject tree = store.putTree(src, false);
    Path pack = files(".*\\.pack").get(0);
    try (FileChannel ch = FileChannel.open(pack, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(pack) / 2);
    }
    assertThat(new ObjectStore(tmp.resolve("ws")).verify(tree.sha256(), StoredObject.Kind.TREE)).isFalse();
  }
}
