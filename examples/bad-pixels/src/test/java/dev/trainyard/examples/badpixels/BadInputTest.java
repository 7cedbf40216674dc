package dev.trainyard.examples.badpixels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trainyard.sdk.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the frame splitter says about inputs it cannot use: always the file or folder at fault. */
class BadInputTest {
  @TempDir Path dir;

  private TaskContext ctx(Path videos) {
    return new TaskContext(List.of("--videos", videos.toString(), "--frames", dir.resolve("frames").toString(),
        "--cameras", dir.resolve("cameras").toString()), Map.of(), 0, 0);
  }

  private List<String> split(Path... videos) throws Exception {
    return new SplitFrames().run(List.of(videos), ctx(dir.resolve("videos")));
  }

  @Test
  void anEmptyInputFolderIsNamed() throws Exception {
    Path videos = Files.createDirectories(dir.resolve("videos"));
    assertThatThrownBy(() -> new SplitFrames().init(ctx(videos))).isInstanceOf(BadInputException.class)
        .hasMessage(videos + ": the video folder is empty; expected .y4m videos");
    assertThatThrownBy(() -> new SplitFrames().init(ctx(dir.resolve("nowhere"))))
        .hasMessage(dir.resolve("nowhere") + ": the video folder does not exist");
    assertThatThrownBy(() -> new SplitFrames().run(List.of(), ctx(videos)))
        .hasMessageContaining("no videos given").hasMessageContaining(videos.toString());
  }

  @Test
  void aFileThatIsNotAVideoIsNamed() throws Exception {
    Path f = Files.createDirectories(dir.resolve("videos")).resolve("cam00.y4m");
    Files.writeString(f, "P5\n64 48\n255\n");
    assertThatThrownBy(() -> split(f)).isInstanceOf(BadInputException.class)
        .hasMessage(f + ": not a YUV4MPEG2 video (it starts with 'P5')");
    Path empty = dir.resolve("videos/cam01.y4m");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> split(empty)).hasMessage(empty + ": empty file; expected a YUV4MPEG2 video");
  }

  @Test
  void aTruncatedVideoIsNamed() throws Exception {
    Path f = Files.createDirectories(dir.resolve("videos")).resolve("cam02.y4m");
    new SensorSimulator(7, 2, 64, 48, 5, 0.025).writeVideo(f);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 1000));
    assertThatThrownBy(() -> split(f)).isInstanceOf(BadInputException.class)
        .hasMessage(f + ": truncated: frame 4 has 2072 of 3072 luma bytes (64x48)");
  }

  @Test
  void aVideoWithoutFramesIsNamed() throws Exception {
    Path f = Files.createDirectories(dir.resolve("videos")).resolve("cam03.y4m");
    new Y4m.Writer(f, 64, 48, 25).close();
    assertThatThrownBy(() -> split(f)).isInstanceOf(BadInputException.class)
        .hasMessage(f + ": the video holds no frames (a header but no FRAME)");
  }

  @Test
  void aGoodVideoIsSplitIntoOnePgmPerFrame() throws Exception {
    Path f = Files.createDirectories(dir.resolve("videos")).resolve("cam04.y4m");
    new SensorSimulator(7, 4, 64, 48, 5, 0.025).writeVideo(f);
    assertThat(split(f)).containsExactly("cam04,64,48,5");
    try (var s = Files.list(dir.resolve("frames/cam04"))) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("000000.pgm", "000001.pgm", "000002.pgm", "000003.pgm", "000004.pgm");
    }
    assertThat(Pgm.read(dir.resolve("frames/cam04/000004.pgm")).width()).isEqualTo(64);
    assertThat(Files.readString(dir.resolve("cameras/cam04.txt"))).contains("frames=5\n");
  }
}
