package dev.trainyard.examples.badpixels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads a ground-truth defect map ({@code x,y,class} per defective pixel; every other pixel is fine). */
public final class Truth {
  private Truth() {}

  /** The defect at each pixel of a {@code width x height} camera, row by row. */
  public static Defect[] read(Path file, int width, int height) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no ground-truth file");
    }
    Defect[] map = new Defect[width * height];
    Arrays.fill(map, Defect.OK);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] c = line.split(",");
      try {
        int x = Integer.parseInt(c[0].trim());
        int y = Integer.parseInt(c[1].trim());
        if (x < 0 || y < 0 || x >= width || y >= height) {
          throw new BadInputException(file, "line " + (i + 1) + ": pixel (" + x + "," + y + ") is outside "
              + width + "x" + height);
        }
        map[y * width + x] = Defect.of(c[2]);
      } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
        throw new BadInputException(file, "line " + (i + 1) + " is not x,y,class: '" + line + "'");
      }
    }
    return map;
  }
}
