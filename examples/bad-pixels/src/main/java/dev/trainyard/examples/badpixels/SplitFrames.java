package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Stage 1, parallel over videos: splits each {@code .y4m} video of the mini-batch into one 8-bit
 * PGM per frame ({@code --frames DIR}: {@code camNN/000000.pgm}, ...) and describes it in {@code
 * --cameras DIR} ({@code camNN.txt}: width, height, frames). An empty input folder ({@code
 * --videos DIR}), a file that is not YUV4MPEG2, a truncated file or a video without frames is an
 * error naming the file. Rows: {@code camera,width,height,frames}.
 */
public final class SplitFrames implements ParallelTask {
  /** Creates the task. */
  public SplitFrames() {}

  @Override
  public void init(TaskContext ctx) throws IOException {
    String videos = ctx.arg("--videos");
    if (videos != null) {
      requireVideos(Path.of(videos));
    }
  }

  /** Fails with a message naming {@code dir} when it is missing or holds no files. */
  static void requireVideos(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "the video folder does not exist");
    }
    try (Stream<Path> s = Files.walk(dir)) {
      if (s.noneMatch(Files::isRegularFile)) {
        throw new BadInputException(dir, "the video folder is empty; expected .y4m videos");
      }
    }
  }

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws IOException {
    if (miniBatch.isEmpty()) {
      throw new IllegalArgumentException("no videos given (the mini-batch is empty; is the input folder "
          + ctx.arg("--videos", "?") + " empty?)");
    }
    Path frames = Files.createDirectories(Args.path(ctx, "--frames"));
    Path cameras = Files.createDirectories(Args.path(ctx, "--cameras"));
    List<String> rows = new ArrayList<>();
    for (Path video : miniBatch) {
      rows.add(split(video, frames, cameras));
    }
    return rows;
  }

  /** Splits one video; returns its row. */
  static String split(Path video, Path frames, Path cameras) throws IOException {
    String name = video.getFileName().toString().replaceFirst("\\.y4m$", "");
    try (Y4m.Reader in = Y4m.Reader.open(video)) {
      Y4m.Header h = in.header();
      Path dir = Files.createDirectories(frames.resolve(name));
      byte[] luma = new byte[h.lumaBytes()];
      while (in.next(luma)) {
        Pgm.write8(dir.resolve(String.format(Locale.ROOT, "%06d.pgm", in.framesRead() - 1)), h.width(), h.height(),
            luma);
      }
      if (in.framesRead() == 0) {
        throw new BadInputException(video, "the video holds no frames (a header but no FRAME)");
      }
      Files.writeString(cameras.resolve(name + ".txt"), "camera=" + name + "\nwidth=" + h.width() + "\nheight="
          + h.height() + "\nframes=" + in.framesRead() + "\nfps=" + h.fps() + "\nsource=" + video.getFileName() + "\n",
          StandardCharsets.UTF_8);
      System.out.printf("%s: %d frames of %dx%d%n", video.getFileName(), in.framesRead(), h.width(), h.height());
      return name + "," + h.width() + "," + h.height() + "," + in.framesRead();
    }
  }
}
