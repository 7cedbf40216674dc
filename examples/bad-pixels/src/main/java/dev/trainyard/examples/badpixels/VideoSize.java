package dev.trainyard.examples.badpixels;

import java.util.Locale;

/**
 * How much video to simulate.
 *
 * @param cameras number of cameras (the last {@code testCameras} are held out)
 * @param width frame width
 * @param height frame height
 * @param frames frames per video
 * @param defectRate fraction of defective pixels
 */
public record VideoSize(int cameras, int width, int height, int frames, double defectRate) {
  /** 8 cameras of 64x48, 40 frames: the whole pipeline runs in well under a minute. */
  public static final VideoSize TOY = new VideoSize(8, 64, 48, 40, 0.025);
  /** 8 cameras of 320x240, 100 frames (61 MB): a quick benchmark. */
  public static final VideoSize SMALL = new VideoSize(8, 320, 240, 100, 0.01);
  /** 8 full-HD sensors, 300 frames each (12 s at 25 fps): 4.6 GiB of raw video. */
  public static final VideoSize FULL = new VideoSize(8, 1920, 1080, 300, 0.0005);

  /** The size named {@code toy}, {@code small} or {@code full}. */
  public static VideoSize of(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "toy" -> TOY;
      case "small" -> SMALL;
      case "full" -> FULL;
      default -> throw new IllegalArgumentException("unknown size '" + name + "' (toy, small or full)");
    };
  }

  /** Bytes of raw video over all cameras. */
  public long videoBytes() {
    return (long) cameras * frames * ((long) width * height + 6);
  }
}
