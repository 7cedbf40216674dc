/**
 * The bad-pixels example: a seeded simulator of raw grey sensor video with injected defects
 * ({@link dev.trainyard.examples.badpixels.SensorSimulator}), the YUV4MPEG2 and PGM formats it
 * uses ({@link dev.trainyard.examples.badpixels.Y4m}, {@link dev.trainyard.examples.badpixels.Pgm}),
 * per-pixel temporal features ({@link dev.trainyard.examples.badpixels.PixelStats}), and one
 * {@link dev.trainyard.sdk.ParallelTask} per pipeline stage: {@link
 * dev.trainyard.examples.badpixels.Generate}, {@link dev.trainyard.examples.badpixels.SplitFrames},
 * {@link dev.trainyard.examples.badpixels.Preprocess}, {@link
 * dev.trainyard.examples.badpixels.ExtractFeatures}, {@link dev.trainyard.examples.badpixels.Train},
 * {@link dev.trainyard.examples.badpixels.Evaluate} and {@link
 * dev.trainyard.examples.badpixels.Register}.
 */
package dev.trainyard.examples.badpixels;
