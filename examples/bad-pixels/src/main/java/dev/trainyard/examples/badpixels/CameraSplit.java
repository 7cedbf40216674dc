package dev.trainyard.examples.badpixels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which cameras train the model and which are held out to score it: the feature files sorted by
 * name, the last {@code testCameras} held out. Whole cameras are held out, never pixels of a
 * camera the model has seen, so the scores say how it does on a new sensor.
 *
 * @param train feature files of the training cameras
 * @param test feature files of the held-out cameras
 */
public record CameraSplit(List<Path> train, List<Path> test) {
  /** Splits the {@code .features} files of {@code dir}. */
  public static CameraSplit of(Path dir, int testCameras) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "no features folder");
    }
    List<Path> all;
    try (Stream<Path> s = Files.list(dir)) {
      all = s.filter(p -> p.getFileName().toString().endsWith(".features")).sorted().toList();
    }
    if (testCameras < 1 || testCameras >= all.size()) {
      throw new BadInputException(dir, all.size() + " cameras cannot be split into training cameras and "
          + testCameras + " held-out ones");
    }
    return new CameraSplit(all.subList(0, all.size() - testCameras), all.subList(all.size() - testCameras,
        all.size()));
  }

  /** The camera name of a feature file. */
  public static String camera(Path featureFile) {
    return featureFile.getFileName().toString().replaceFirst("\\.features$", "");
  }
}
