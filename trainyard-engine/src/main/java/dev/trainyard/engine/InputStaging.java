package dev.trainyard.engine;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.Template;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stages a parallel step's {@code input_data} folder one mini-batch at a time, inside the
 * mini-batch's own thread, instead of copying the whole folder before the first mini-batch.
 *
 * <p>Why: copying every input file up front was the largest serial part of a parallel step (a
 * third of the step for 800 small frames), so adding workers barely helped. Staged per
 * mini-batch, the work is spread over the workers and overlaps the other workers' compute.
 *
 * <p>Small files are hard links to the stored objects (no copy, no disk writes) — but a step runs
 * as root, and root ignores the read-only bit, so a task could write into the object store
 * through a link. Three things keep "a step writing outside its outputs cannot change another
 * step's inputs" and "the store never serves damaged content": (1) each file is read and
 * verified against its hash before it is linked, and those pristine bytes are kept in memory
 * while the step runs; (2) when a mini-batch ends, its linked objects are re-hashed (in its own
 * thread, in parallel with the others); (3) when every task of the step has ended, all linked
 * objects are re-hashed once more, since a task may write into another mini-batch's files after
 * that mini-batch was checked. (An inode's ctime would be cheaper to compare, but its clock ticks
 * coarsely enough for a write to hide in the tick of the check.) A damaged object is quarantined and written back from the pristine bytes,
 * and the mini-batch (or the step) fails, naming the files. Large files, and small ones beyond
 * {@link #MAX_PRISTINE} held in memory, are private read-only copies, verified as copied.
 *
 * <p>A mini-batch's own files are always in place when it starts; the folder's other files
 * appear as their mini-batches are staged. A task that reads the folder beyond its mini-batch
 * names it in {@code program_arguments}, and then the whole folder is copied before the first
 * mini-batch, as for every other input ({@link #applies}).
 */
final class InputStaging {
  /** Files up to this size are linked (their verified bytes held in memory meanwhile). */
  private static final long SMALL = 1 << 20;
  /** At most this many bytes of linked files' pristine content are held per step. */
  static final long MAX_PRISTINE = 256L << 20;
  private final Workspace ws;
  private final Path root;
  private final Map<Path, TreeManifest.Entry> entries = new HashMap<>();
  private final List<Path> items = new ArrayList<>();
  private final Map<Path, Linked> linked = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();
  private final java.util.Set<Path> staged = ConcurrentHashMap.newKeySet();

  /** A staged hard link: the manifest entry and the object's verified bytes. */
  private record Linked(TreeManifest.Entry entry, byte[] pristine) {}

  private InputStaging(Workspace ws, Path root, TreeManifest manifest) {
    this.ws = ws;
    this.root = root;
    for (TreeManifest.Entry e : manifest.entries()) {
      Path p = root.resolve(e.path()).normalize();
      entries.put(p, e);
      items.add(p);
    }
    // The order MiniBatches.items gives a materialised folder (paths compared as paths), so that
    // mini-batches hold the same files whichever way the folder is staged.
    items.sort(Comparator.naturalOrder());
  }

  /**
   * Whether {@code input_data} can be staged per mini-batch: it is a stored folder, and the task
   * is not handed the folder itself through {@code program_arguments}.
   */
  static boolean applies(Component.Parallel par, String port, StoredObject input) {
    if (input == null || input.kind() != StoredObject.Kind.TREE) {
      return false;
    }
    Template args = par.task().programArguments();
    if (args == null) {
      return true;
    }
    return args.refs().stream().map(Template.Ref::binding)
        .noneMatch(b -> b.scope() == Binding.Scope.INPUTS && b.port().equals(port));
  }

  /** Prepares staging of the stored folder {@code input} under {@code root} (created empty). */
  static InputStaging of(Workspace ws, StoredObject input, Path root) throws IOException {
    InputStaging s = new InputStaging(ws, Files.createDirectories(root), ws.objects().readTree(input.sha256()));
    for (Path p : s.items) {
      if (!p.startsWith(root)) {
        throw new IOException("manifest " + input.sha256() + " names a path outside its folder: " + p);
      }
    }
    return s;
  }

  /** The folder's files as they will lie once staged, sorted like {@link MiniBatches#items}. */
  List<Path> items() {
    return items;
  }

  /** A file's size, from the manifest (it may not be staged yet). */
  long size(Path item) {
    return entries.get(item).size();
  }

  /**
   * Puts a mini-batch's files in place: small ones as verified hard links, others as verified
   * read-only copies; a file staged before (for an earlier try of the same mini-batch) is kept. A
   * damaged stored object is quarantined by the store and fails the mini-batch.
   */
  void stage(List<Path> files) throws IOException {
    for (Path f : files) {
      TreeManifest.Entry e = entries.get(f);
      if (e == null || !staged.add(f)) {
        continue;
      }
      // Whatever a task may have put here before this mini-batch was staged is not its input.
      Dirs.delete(f);
      Files.createDirectories(f.getParent());
      // An executable entry is copied: its mode is its own, while a link shares the object's.
      if (!e.executable() && e.size() <= SMALL && held.addAndGet(e.size()) <= MAX_PRISTINE) {
        byte[] bytes = ws.objects().readBytes(e.sha256()); // hash-checked: the link serves good bytes
        Linked l = new Linked(e, bytes);
        if (link(f, e)) {
          linked.put(f, l);
          continue;
        }
        held.addAndGet(-e.size());
        Files.write(f, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } else {
        if (!e.executable() && e.size() <= SMALL) {
          held.addAndGet(-e.size());
        }
        ws.objects().materializeFile(e.sha256(), f, e.executable());
      }
      f.toFile().setWritable(false, false);
    }
  }

  private boolean link(Path f, TreeManifest.Entry e) throws IOException {
    Path object = ws.objects().loose(e.sha256()); // a packed object is stored loose first: links need a file
    try {
      Files.createLink(f, object);
    } catch (IOException | UnsupportedOperationException | SecurityException notHere) {
      return false; // another file system, or no hard links: copy instead
    }
    // Read-only for whoever honours it (the stored object's mode: nothing writes objects in place).
    object.toFile().setWritable(false, false);
    return true;
  }

  /**
   * After a mini-batch succeeded and its outputs were stored: deletes its private copies (large
   * files, or small ones beyond {@link #MAX_PRISTINE}). Why: at realistic sizes these copies are
   * gigabytes, and deleted within seconds of being written their dirty pages are dropped instead
   * of being written back to disk, which with two workers competed with the tasks for the disk.
   * Hard links stay: they cost nothing, and {@link #verifyAll} checks their objects at the end.
   * Only a mini-batch's own files were ever promised to be in place while it runs.
   */
  void release(List<Path> files) {
    for (Path f : files) {
      if (entries.containsKey(f) && !linked.containsKey(f)) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          // Left for the step folder's deletion, as before.
        }
      }
    }
  }

  /**
   * After a mini-batch's task ran: re-hashes the stored objects its files are linked to. Null
   * when all are intact; else the store is repaired and the answer says which files were written.
   */
  String verify(int index, List<Path> files) throws IOException {
    List<String> damaged = new ArrayList<>();
    for (Path f : files) {
      Linked l = linked.get(f);
      if (l != null && !check(l)) {
        damaged.add(l.entry().path());
      }
    }
    return damaged.isEmpty() ? null : message("mini-batch " + index, damaged);
  }

  /**
   * When every task of the step has ended: re-hashes every linked object once more, as a task
   * may have written into another mini-batch's files after that mini-batch was checked (on
   * several threads: this is on the step's critical path). Null when all are intact; else the
   * store is repaired and the answer names the files.
   */
  String verifyAll() throws IOException {
    List<String> damaged = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      linked.values().parallelStream().forEach(l -> {
        try {
          if (!check(l)) {
            damaged.add(l.entry().path());
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    damaged.sort(Comparator.naturalOrder());
    return damaged.isEmpty() ? null : message("the step", damaged);
  }

  /** True when the object is intact; else it is quarantined (by verify) and stored again. */
  private boolean check(Linked l) throws IOException {
    if (ws.objects().verify(l.entry().sha256(), StoredObject.Kind.FILE)) {
      return true;
    }
    ws.objects().putBytes(l.pristine());
    return false;
  }

  private static String message(String who, List<String> damaged) {
    String files = damaged.size() <= 3 ? String.join(", ", damaged)
        : String.join(", ", damaged.subList(0, 3)) + " and " + (damaged.size() - 3) + " more";
    return who + " wrote into its input files (" + files + "), which are shared read-only with the"
        + " workspace's object store; the stored objects were restored from verified copies. Steps may"
        + " write only to their outputs";
  }

  /** The staged folder. */
  Path root() {
    return root;
  }
}
