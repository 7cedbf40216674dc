package dev.trainyard.examples.badpixels;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Binary PGM ({@code P5}) images, one frame per file: 8-bit for raw frames, 16-bit (big-endian,
 * as the format says) for pre-processed residuals stored with an offset.
 */
public final class Pgm {
  private Pgm() {}

  /**
   * An image.
   *
   * @param width width in pixels
   * @param height height in pixels
   * @param maxval the largest sample value (255 for 8-bit, up to 65535 for 16-bit)
   * @param pixels samples in row order
   */
  public record Image(int width, int height, int maxval, int[] pixels) {}

  /** Writes 8-bit samples. */
  public static void write8(Path file, int width, int height, byte[] pixels) throws IOException {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      o.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
      o.write(pixels, 0, width * height);
    }
  }

  /** Writes 16-bit samples ({@code 0 <= v <= maxval}). */
  public static void write16(Path file, int width, int height, int maxval, int[] pixels) throws IOException {
    byte[] buf = new byte[2 * width * height];
    for (int i = 0; i < width * height; i++) {
      buf[2 * i] = (byte) (pixels[i] >>> 8);
      buf[2 * i + 1] = (byte) pixels[i];
    }
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      o.write(("P5\n" + width + " " + height + "\n" + maxval + "\n").getBytes(StandardCharsets.US_ASCII));
      o.write(buf);
    }
  }

  /** Reads an 8- or 16-bit binary PGM; a bad file is a {@link BadInputException} naming it. */
  public static Image read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      if (in.read() != 'P' || in.read() != '5') {
        throw new BadInputException(file, "not a binary PGM (P5) image");
      }
      int w = number(file, in);
      int h = number(file, in);
      int max = number(file, in);
      if (w <= 0 || h <= 0 || max <= 0 || max > 65535 || (long) w * h > 1L << 28) {
        throw new BadInputException(file, "bad PGM header (" + w + "x" + h + ", maxval " + max + ")");
      }
      int bytes = max < 256 ? 1 : 2;
      byte[] raw = in.readNBytes(w * h * bytes);
      if (raw.length < w * h * bytes) {
        throw new BadInputException(file, "truncated PGM: " + raw.length + " of " + w * h * bytes + " bytes");
      }
      int[] px = new int[w * h];
      if (bytes == 1) {
        for (int i = 0; i < px.length; i++) {
          px[i] = raw[i] & 0xff;
        }
      } else {
        for (int i = 0; i < px.length; i++) {
          px[i] = (raw[2 * i] & 0xff) << 8 | (raw[2 * i + 1] & 0xff);
        }
      }
      return new Image(w, h, max, px);
    }
  }

  /** A header number: skips whitespace and comments, then reads digits and one whitespace byte. */
  private static int number(Path file, InputStream in) throws IOException {
    int c = in.read();
    while (c == '#' || Character.isWhitespace(c)) {
      if (c == '#') {
        while (c != '\n' && c >= 0) {
          c = in.read();
        }
      }
      c = in.read();
    }
    long v = 0;
    int digits = 0;
    while (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      if (v > Integer.MAX_VALUE) {
        throw new BadInputException(file, "bad PGM header: number too large");
      }
      digits++;
      c = in.read();
    }
    if (digits == 0) {
      throw new BadInputException(file, "bad or truncated PGM header");
    }
    return (int) v;
  }
}
