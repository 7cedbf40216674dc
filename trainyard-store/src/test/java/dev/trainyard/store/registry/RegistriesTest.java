package dev.trainyard.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions, immutability, latest, aliases, tags and names, on a real workspace. */
class RegistriesTest {
  @TempDir Path dir;
  Workspace ws;
  Path data;

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("a.csv"), "x,y\n1,2\n");
  }

  @AfterEach
  void close() throws Exception {
    ws.close();
  }

  private Registries.Registered register(String name, String version) throws Exception {
    return PathRegistration.register(ws, new PathRegistration.Request(AssetKind.DATA, name, version, null, data, null,
        Map.of("team", "vision")));
  }

  @Test
  void omittedVersionsCountUpAndTheSameContentIsANoOp() throws Exception {
    var first = register("frames", null);
    assertThat(first.created()).isTrue();
    assertThat(first.asset().version()).isEqualTo("1");
    assertThat(first.asset().type()).isEqualTo("uri_folder");
    assertThat(register("frames", null).created()).isFalse();
    Files.writeString(data.resolve("b.csv"), "3,4\n");
    var second = register("frames", null);
    assertThat(second.asset().version()).isEqualTo("2");
    assertThat(ws.registries().find(AssetKind.DATA, "frames", null, "latest").version()).isEqualTo("2");
    assertThat(ws.registries().find(AssetKind.DATA, "frames", "1", null).sha256()).isEqualTo(first.asset().sha256());
    // A model of the same name is another thing altogether.
    assertThat(ws.registries().find(AssetKind.MODEL, "frames", null, "latest")).isNull();
  }

  @Test
  void aVersionWithOtherContentIsRefusedAndNothingIsWritten() throws Exception {
    register("frames", "v1");
    long objects = countObjects();
    Files.writeString(data.resolve("a.csv"), "changed\n");
    assertThatThrownBy(() -> register("frames", "v1")).isInstanceOf(RegistryException.class)
        .hasMessageContaining("data asset frames:v1 already exists with other content");
    assertThat(countObjects()).isEqualTo(objects);
    assertThat(ws.registries().list(AssetKind.DATA, "frames", Map.of())).hasSize(1);
  }

  @Test
  void badNamesAreRefusedBeforeAnythingIsStored() throws Exception {
    for (String bad : List.of("a/b", "..", "a..b", "x\u0001y", "a:b", "a@b", " x", "é".repeat(128), "-x", "")) {
      assertThatThrownBy(() -> register(bad, null)).as(bad).isInstanceOf(RegistryException.class);
    }
    assertThatThrownBy(() -> register("ok", "../1")).isInstanceOf(RegistryException.class).hasMessageContaining("version");
    assertThat(countObjects()).isZero();
    assertThat(ws.registries().list(AssetKind.DATA, null, Map.of())).isEmpty();
  }

  @Test
  void typesMustFitThePath() throws Exception {
    assertThatThrownBy(() -> PathRegistration.register(ws, new PathRegistration.Request(AssetKind.DATA, "f", null,
        "uri_file", data, null, Map.of()))).hasMessageContaining("is a folder, but type uri_file needs a file");
    assertThatThrownBy(() -> PathRegistration.register(ws, new PathRegistration.Request(AssetKind.DATA, "f", null,
        "mltable", data, null, Map.of()))).hasMessageContaining("no MLTable file");
    assertThatThrownBy(() -> PathRegistration.register(ws, new PathRegistration.Request(AssetKind.MODEL, "f", null,
        "uri_folder", data, null, Map.of()))).hasMessageContaining("not a model type");
    assertThatThrownBy(() -> PathRegistration.register(ws, new PathRegistration.Request(AssetKind.DATA, "f", null,
        null, dir.resolve("missing"), null, Map.of()))).hasMessageContaining("does not exist");
    var file = PathRegistration.register(ws, new PathRegistration.Request(AssetKind.DATA, "f", null, null,
        data.resolve("a.csv"), null, Map.of()));
    assertThat(file.asset().type()).isEqualTo("uri_file");
  }

  @Test
  void aliasesMoveAndLatestIsReserved() throws Exception {
    StoredObject a = ws.objects().putBytes("model-a".getBytes());
    StoredObject b = ws.objects().putBytes("model-b".getBytes());
    ws.registries().register(new NewAsset(AssetKind.MODEL, "det", null, "custom_model", a, null, null, Map.of(),
        null, null, null, null));
    ws.registries().register(new NewAsset(AssetKind.MODEL, "det", null, "custom_model", b, null, null, Map.of(),
        null, null, null, null));
    ws.registries().alias(AssetKind.MODEL, "det", "champion", "1");
    assertThat(ws.registries().find(AssetKind.MODEL, "det", null, "champion").sha256()).isEqualTo(a.sha256());
    ws.registries().alias(AssetKind.MODEL, "det", "champion", "2");
    assertThat(ws.registries().find(AssetKind.MODEL, "det", null, "champion").sha256()).isEqualTo(b.sha256());
    assertThat(ws.registries().find(AssetKind.MODEL, "det", "2", null).aliases()).containsExactly("champion");
    assertThatThrownBy(() -> ws.registries().alias(AssetKind.MODEL, "det", "latest", "1"))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> ws.registries().alias(AssetKind.MODEL, "det", "prod", "9"))
        .hasMessageContaining("det:9 is not registered");
  }

  @Test
  void listFiltersByNameAndTags() throws Exception {
    register("frames", null);
    PathRegistration.register(ws, new PathRegistration.Request(AssetKind.DATA, "labels", null, null, data, null,
        Map.of("team", "audio")));
    assertThat(ws.registries().list(AssetKind.DATA, null, Map.of("team", "vision")))
        .extracting(AssetRecord::name).containsExactly("frames");
    assertThat(ws.registries().list(AssetKind.DATA, "labels", Map.of())).extracting(AssetRecord::tags)
        .containsExactly(Map.of("team", "audio"));
  }

  @Test
  void treeIndexFindsFilesInsideFolders() throws Exception {
    var r = register("frames", null);
    // Registering a folder indexes it at once; a tree stored otherwise is caught up later.
    assertThat(ws.treeIndex().catchUp()).isZero();
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("z.txt"), "z\n");
    ws.db().tx(c -> {
      try (var p = c.prepareStatement("INSERT INTO artifacts (sha256, kind, size, files, created_at) VALUES (?,?,?,?,0)")) {
        var t = ws.objects().putTree(other, false);
        p.setString(1, t.sha256());
        p.setString(2, "TREE");
        p.setLong(3, t.size());
        p.setLong(4, t.files());
        p.executeUpdate();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    assertThat(ws.treeIndex().catchUp()).isEqualTo(1);
    assertThat(ws.treeIndex().catchUp()).isZero();
    String fileSha = ws.objects().readTree(r.asset().sha256()).entries().get(0).sha256();
    String tree = ws.db().read(c -> {
      try (var p = c.prepareStatement("SELECT tree_sha256 FROM tree_files WHERE file_sha256 = ?")) {
        p.setString(1, fileSha);
        try (var rs = p.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    assertThat(tree).isEqualTo(r.asset().sha256());
  }

  private long countObjects() throws Exception {
    Path objects = dir.resolve("ws").resolve("objects");
    if (!Files.exists(objects)) {
      return 0;
    }
    try (var s = Files.walk(objects)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
