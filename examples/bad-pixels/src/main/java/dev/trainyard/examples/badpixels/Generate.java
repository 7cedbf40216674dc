package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stage 0: simulates the cameras. Arguments: {@code --size toy|small|full}, {@code --seed N},
 * {@code --videos DIR} (one {@code camNN.y4m} per camera), {@code --truth DIR} (one {@code
 * camNN.csv} defect map per camera and {@code cameras.csv}). Cameras are written in parallel.
 */
public final class Generate implements ParallelTask {
  /** Creates the task. */
  public Generate() {}

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws Exception {
    VideoSize size = VideoSize.of(ctx.arg("--size", "toy"));
    long seed = Long.parseLong(ctx.arg("--seed", "7"));
    Path videos = Files.createDirectories(Args.path(ctx, "--videos"));
    Path truth = Files.createDirectories(Args.path(ctx, "--truth"));
    int threads = Math.max(1, Math.min(size.cameras(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> lines = new ArrayList<>();
    try {
      List<Future<String>> cams = new ArrayList<>();
      for (int i = 0; i < size.cameras(); i++) {
        int index = i;
        cams.add(pool.submit(() -> {
          SensorSimulator sim = new SensorSimulator(seed, index, size.width(), size.height(), size.frames(),
              size.defectRate());
          String name = sim.camera().name();
          sim.writeVideo(videos.resolve(name + ".y4m"));
          sim.writeTruth(truth.resolve(name + ".csv"));
          return sim.camera().csv(size.frames(), sim.defectCount());
        }));
      }
      for (Future<String> f : cams) {
        lines.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> csv = new ArrayList<>();
    csv.add(SensorSimulator.CAMERAS_HEADER);
    csv.addAll(lines);
    Files.write(truth.resolve("cameras.csv"), csv, StandardCharsets.UTF_8);
    System.out.printf("generated %d cameras of %dx%d, %d frames each (%.1f MiB of raw video)%n", size.cameras(),
        size.width(), size.height(), size.frames(), size.videoBytes() / 1048576.0);
    Metrics.log("cameras", size.cameras());
    Metrics.log("video_mib", size.videoBytes() / 1048576.0);
    return List.of();
  }
}
