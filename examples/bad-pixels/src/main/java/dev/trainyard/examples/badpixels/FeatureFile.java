package dev.trainyard.examples.badpixels;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One camera's per-pixel features on disk ({@code camNN.features}): a small binary file, magic
 * {@code BPXF}, width, height, frames, camera noise, the feature names, then each pixel's features
 * as 32-bit floats, pixels row by row.
 *
 * @param camera the camera's name
 * @param width frame width
 * @param height frame height
 * @param frames frames the statistics were taken over
 * @param noise the camera's noise estimate (grey levels)
 * @param names feature names
 * @param values {@code [pixel][feature]}
 */
public record FeatureFile(String camera, int width, int height, int frames, double noise, List<String> names,
    float[][] values) {
  private static final int MAGIC = 0x42505846; // "BPXF"

  /** Writes to {@code file}. */
  public void write(Path file) throws IOException {
    try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      o.writeInt(MAGIC);
      o.writeUTF(camera);
      o.writeInt(width);
      o.writeInt(height);
      o.writeInt(frames);
      o.writeDouble(noise);
      o.writeInt(names.size());
      for (String s : names) {
        o.writeUTF(s);
      }
      for (float[] p : values) {
        for (float v : p) {
          o.writeFloat(v);
        }
      }
    }
  }

  /** Reads {@code file}; a damaged file is a {@link BadInputException} naming it. */
  public static FeatureFile read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new BadInputException(file, "not a features file");
      }
      String cam = in.readUTF();
      int w = in.readInt();
      int h = in.readInt();
      int frames = in.readInt();
      double noise = in.readDouble();
      int k = in.readInt();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        names.add(in.readUTF());
      }
      float[][] v = new float[w * h][k];
      for (float[] p : v) {
        for (int j = 0; j < k; j++) {
          p[j] = in.readFloat();
        }
      }
      return new FeatureFile(cam, w, h, frames, noise, List.copyOf(names), v);
    } catch (EOFException e) {
      throw new BadInputException(file, "truncated features file");
    }
  }

  /** The value of feature {@code name} at pixel {@code i}. */
  public float get(int i, String name) {
    return values[i][names.indexOf(name)];
  }
}
