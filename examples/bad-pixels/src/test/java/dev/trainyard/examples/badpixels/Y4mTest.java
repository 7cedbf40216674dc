package dev.trainyard.examples.badpixels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Y4mTest {
  @TempDir Path dir;

  @Test
  void framesWrittenAreReadBackWithTheHeader() throws Exception {
    Path f = dir.resolve("v.y4m");
    byte[][] frames = new byte[3][6 * 4];
    for (int t = 0; t < 3; t++) {
      for (int i = 0; i < frames[t].length; i++) {
        frames[t][i] = (byte) (t * 50 + i);
      }
    }
    try (Y4m.Writer w = new Y4m.Writer(f, 6, 4, 25)) {
      for (byte[] fr : frames) {
        w.write(fr);
      }
    }
    assertThat(new String(Files.readAllBytes(f), StandardCharsets.US_ASCII))
        .startsWith("YUV4MPEG2 W6 H4 F25:1 Ip A1:1 Cmono\nFRAME\n");
    assertThat(Files.size(f)).isEqualTo("YUV4MPEG2 W6 H4 F25:1 Ip A1:1 Cmono\n".length() + 3 * (6 + 24));
    try (Y4m.Reader r = Y4m.Reader.open(f)) {
      assertThat(r.header()).isEqualTo(new Y4m.Header(6, 4, "25:1", "mono"));
      byte[] buf = new byte[24];
      for (byte[] fr : frames) {
        assertThat(r.next(buf)).isTrue();
        assertThat(buf).isEqualTo(fr);
      }
      assertThat(r.next(buf)).isFalse();
      assertThat(r.framesRead()).isEqualTo(3);
    }
  }

  @Test
  void colourFilesGiveTheirLumaPlane() throws Exception {
    Path f = dir.resolve("c.y4m");
    byte[] luma = new byte[4 * 2];
    Arrays.fill(luma, (byte) 7);
    byte[] chroma = new byte[2 * 2 * 1];
    Arrays.fill(chroma, (byte) 99);
    try (var o = Files.newOutputStream(f)) {
      o.write("YUV4MPEG2 W4 H2 F30000:1001 It A0:0 C420jpeg XYSCSS=420JPEG\n".getBytes(StandardCharsets.US_ASCII));
      for (int t = 0; t < 2; t++) {
        o.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        o.write(luma);
        o.write(chroma);
      }
    }
    try (Y4m.Reader r = Y4m.Reader.open(f)) {
      byte[] buf = new byte[8];
      assertThat(r.next(buf)).isTrue();
      assertThat(buf).isEqualTo(luma);
      assertThat(r.next(buf)).isTrue();
      assertThat(buf).isEqualTo(luma);
      assertThat(r.next(buf)).isFalse();
    }
  }

  @Test
  void aFileThatIsNotYuv4mpegIsNamedInTheError() throws Exception {
    Path f = dir.resolve("notes.txt");
    Files.writeString(f, "hello\nworld\n");
    assertThatThrownBy(() -> Y4m.Reader.open(f)).isInstanceOf(BadInputException.class)
        .hasMessage(f + ": not a YUV4MPEG2 video (it starts with 'hello')");
  }

  @Test
  void aBinaryFileWithoutLineBreaksIsNotYuv4mpeg() throws Exception {
    Path f = dir.resolve("blob.bin");
    Files.write(f, new byte[5000]);
    assertThatThrownBy(() -> Y4m.Reader.open(f)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ": not a YUV4MPEG2 video");
  }

  @Test
  void aTruncatedFrameIsNamedWithItsFile() throws Exception {
    Path f = dir.resolve("cut.y4m");
    Files.write(f, ("YUV4MPEG2 W4 H4 F25:1 Cmono\nFRAME\n" + "x".repeat(16) + "FRAME\nxxxxx")
        .getBytes(StandardCharsets.US_ASCII));
    try (Y4m.Reader r = Y4m.Reader.open(f)) {
      byte[] buf = new byte[16];
      assertThat(r.next(buf)).isTrue();
      assertThatThrownBy(() -> r.next(buf)).isInstanceOf(BadInputException.class)
          .hasMessage(f + ": truncated: frame 1 has 5 of 16 luma bytes (4x4)");
    }
  }

  @Test
  void aHeaderWithoutSizeIsRejected() throws Exception {
    Path f = dir.resolve("nosize.y4m");
    Files.writeString(f, "YUV4MPEG2 F25:1 Cmono\n");
    assertThatThrownBy(() -> Y4m.Reader.open(f)).hasMessage(f + ": YUV4MPEG2 header lacks a valid size (W-1 H-1)");
  }

  @Test
  void pgmRoundTripsEightAndSixteenBits() throws Exception {
    byte[] px = {0, 1, (byte) 200, (byte) 255, 9, 10};
    Pgm.write8(dir.resolve("a.pgm"), 3, 2, px);
    Pgm.Image a = Pgm.read(dir.resolve("a.pgm"));
    assertThat(a.width()).isEqualTo(3);
    assertThat(a.pixels()).containsExactly(0, 1, 200, 255, 9, 10);
    Pgm.write16(dir.resolve("b.pgm"), 2, 2, 511, new int[] {0, 256, 511, 300});
    assertThat(Pgm.read(dir.resolve("b.pgm")).pixels()).containsExactly(0, 256, 511, 300);
  }
}
