package dev.trainyard.cli;

import dev.trainyard.store.Sha256;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The pipeline file a run was made from, as the bytes it recorded: {@code trainyard run} stores
 * the file in the object store and records its hash ({@code runs.spec_sha256}). When the file on
 * disk still has that hash it is used as it is; when it changed or is gone, the recorded bytes are
 * written to a hidden file in the original file's folder for as long as it takes to load and plan
 * them, so that relative component, code and data paths resolve exactly as they did. When that
 * folder is gone too, relative paths cannot resolve as they did, and the rerun is refused rather
 * than run against whatever those paths would mean elsewhere.
 */
final class RecordedSpec implements AutoCloseable {
  /** The file to load. */
  final Path file;
  /** What was done to recover it, for a note; null when the file on disk is the recorded one. */
  final String note;
  private final boolean temporary;

  private RecordedSpec(Path file, String note, boolean temporary) {
    this.file = file;
    this.note = note;
    this.temporary = temporary;
  }

  /** Why the recorded pipeline file cannot be had; the message is one line for the user. */
  static final class UnrecoverableException extends Exception {
    UnrecoverableException(String message) {
      super(message);
    }
  }

  static RecordedSpec of(Workspace ws, RunRecord run) throws UnrecoverableException {
    Path original = Path.of(run.specFile());
    String sha = run.specSha256();
    if (!Sha256.isHash(sha)) {
      throw new UnrecoverableException("the run recorded no hash of its pipeline file " + original
          + ", so the file it ran cannot be told apart from today's");
    }
    if (sha.equals(hashOnDisk(original))) {
      return new RecordedSpec(original, null, false);
    }
    byte[] bytes;
    try {
      bytes = ws.objects().readBytes(sha);
    } catch (IOException e) {
      throw new UnrecoverableException("its pipeline file " + original + " changed since, and the recorded copy ("
          + sha + ") is missing or damaged in the workspace's store");
    }
    Path folder = original.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new UnrecoverableException("its pipeline file's folder " + folder + " is gone, so the relative paths"
          + " of its components, code and data cannot resolve as they did");
    }
    Path copy = folder.resolve(".trainyard-rerun-" + UUID.randomUUID().toString().substring(0, 8) + "-"
        + original.getFileName());
    try {
      Files.write(copy, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UnrecoverableException("its pipeline file " + original + " changed since, and the recorded copy"
          + " cannot be written next to it (" + e.getMessage() + ")");
    }
    String why = Files.exists(original) ? "changed since run " + run.id() : "is gone";
    return new RecordedSpec(copy, original + " " + why + "; using the version the run recorded", true);
  }

  /** The SHA-256 of the file as it is now, or null when it cannot be read. */
  private static String hashOnDisk(Path f) {
    try {
      return Files.isRegularFile(f) ? Sha256.of(Files.readAllBytes(f)) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Removes the recovered copy (everything in it has been loaded by now). */
  @Override
  public void close() {
    if (temporary) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        System.err.println("trainyard: could not remove " + file + ": " + e.getMessage());
      }
    }
  }
}
