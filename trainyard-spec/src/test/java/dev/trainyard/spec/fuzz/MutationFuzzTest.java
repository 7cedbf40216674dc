package dev.trainyard.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trainyard.spec.Template;
import dev.trainyard.spec.fuzz.FuzzHarness.ContractBreach;
import dev.trainyard.spec.plan.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing that runs in every build: thousands of mutants of the seed corpus
 * ({@code SpecFuzzTestInputs/}) go through the loader, the validator and the binding parser, and
 * any exception or error other than a diagnostic fails the test with the input that caused it.
 *
 * <p>Deterministic: {@code -Dtrainyard.fuzz.seed=N} picks another seed, {@code
 * -Dtrainyard.fuzz.seconds=S} runs each target longer (the default keeps the build fast). Failing
 * inputs are written to {@code target/fuzz-failures/} so they can join the seed corpus.
 */
class MutationFuzzTest {
  private static final long SEED = Long.getLong("trainyard.fuzz.seed", 0x7261696EL);
  private static final double SECONDS = Double.parseDouble(System.getProperty("trainyard.fuzz.seconds", "6"));
  /** Slowest a single input may take; far above normal (milliseconds), well below a hang. */
  private static final Duration PER_INPUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void seedsLoadCleanlyEnoughToBeWorthMutating() {
    Map<String, byte[]> seeds = FuzzHarness.seeds("loader");
    seeds.keySet().removeIf(name -> name.startsWith("regress-")); // inputs that once broke the reader
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(15);
    int valid = 0;
    for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
      Validator.Report r = FuzzHarness.checkLoader(FuzzHarness.workspace().resolve(e.getKey()), e.getValue());
      assertThat(r.kind()).as(e.getKey() + ": " + r.diagnostics()).isNotNull();
      valid += r.valid() ? 1 : 0;
      if (!r.valid()) {
        System.err.println(e.getKey() + ": " + r.diagnostics());
      }
    }
    assertThat(valid).as("seeds that validate without errors").isGreaterThanOrEqualTo(seeds.size() - 1);
  }

  @Test
  void mutatedSpecFilesGiveOnlyDiagnostics() throws IOException {
    Map<String, byte[]> seeds = FuzzHarness.seeds("loader");
    // A private copy of the workspace, where referenced files (components, pipelines) get mutated too.
    FuzzHarness.populate(dir);
    List<String> names = new ArrayList<>(seeds.keySet());
    Mutator m = new Mutator(SEED, new ArrayList<>(seeds.values()));
    Random rnd = m.random();
    Path input = dir.resolve(FuzzHarness.INPUT);
    int runs = run("loader", SECONDS, 3_000, () -> {
      String sibling = null;
      try {
        if (rnd.nextInt(6) == 0) { // mutate a file that seeds refer to
          sibling = names.get(rnd.nextInt(names.size()));
          Files.write(dir.resolve(sibling), m.once(m.once(seeds.get(sibling))));
        }
        byte[] bytes = m.next();
        Files.write(input, bytes);
        return new Object[] {bytes, sibling};
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, in -> {
      byte[] bytes = (byte[]) in[0];
      try {
        FuzzHarness.checkLoader(input, bytes);
      } finally {
        if (in[1] != null) {
          try {
            Files.write(dir.resolve((String) in[1]), seeds.get((String) in[1]));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    }, in -> (byte[]) in[0]);
    if (!FuzzHarness.KNOWN_HITS.isEmpty()) {
      System.err.println("MutationFuzzTest: known crashes in code owned elsewhere (FuzzHarness.KNOWN_FOREIGN), "
          + "tolerated: " + FuzzHarness.KNOWN_HITS);
    }
    assertThat(runs).as("mutants checked").isGreaterThanOrEqualTo(500);
  }

  @Test
  void mutatedYamlKeepsReaderPositionsExact() {
    Mutator m = new Mutator(SEED + 2, new ArrayList<>(FuzzHarness.seeds("loader").values()));
    int runs = run("reader", SECONDS / 3, 3_000, () -> new Object[] {m.next()},
        in -> FuzzHarness.checkReader((byte[]) in[0]), in -> (byte[]) in[0]);
    assertThat(runs).as("mutants read").isGreaterThanOrEqualTo(500);
  }

  @Test
  void mutatedAndGeneratedBindingsGiveTemplatesOrSyntaxErrors() {
    List<byte[]> seeds = new ArrayList<>(FuzzHarness.seeds("binding").values());
    Mutator m = new Mutator(SEED + 1, seeds);
    Random rnd = m.random();
    int[] parsed = {0};
    int runs = run("binding", SECONDS / 3, 50_000, () -> {
      String s = rnd.nextBoolean() ? generate(rnd) : new String(m.next(), StandardCharsets.UTF_8);
      return new Object[] {s};
    }, in -> {
      Template t = FuzzHarness.checkBinding((String) in[0]);
      parsed[0] += t != null && t.hasBindings() ? 1 : 0;
    }, in -> ((String) in[0]).getBytes(StandardCharsets.UTF_8));
    assertThat(runs).as("binding strings checked").isGreaterThanOrEqualTo(5_000);
    assertThat(parsed[0]).as("generated strings that parsed into bindings").isGreaterThan(runs / 50);
  }

  /** A string built from binding-shaped pieces, so that many parse and many almost parse. */
  static String generate(Random rnd) {
    String[] pieces = {"${{", "}}", "$[[", "]]", "inputs", "outputs", "parent", "jobs", "name",
        "default_datastore", "search_space", ".", ".", " ", "  ", "x", "a_b", "step-1", "-", "_", "$", "{", "}",
        "[", "]", "--flag ", "\n", "\t", "\u00a0", "\u3000", "é", "\u0000", "\uD800", "9", "${{inputs.x}}",
        "${{parent.jobs.s.outputs.o}}", "${{ parent.inputs.p }}", "$[[--o ${{inputs.o}}]]", "/", ":"};
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(rnd.nextInt(20) == 0 ? String.valueOf((char) rnd.nextInt(0x10000))
          : pieces[rnd.nextInt(pieces.length)]);
    }
    return sb.toString();
  }

  /**
   * Runs {@code check} on inputs from {@code make} for the time budget (longer, up to four times
   * it, until {@code minRuns} inputs are done), collecting distinct breaches
   * (by exception and first frames) so that one run reports every kind found; fails at the end.
   */
  private static int run(String target, double seconds, int minRuns, Supplier<Object[]> make,
      Consumer<Object[]> check, java.util.function.Function<Object[], byte[]> shown) {
    long budget = (long) (seconds * 1e9);
    long cap = 4 * budget; // on a loaded machine, stop here even short of minRuns
    return assertTimeoutPreemptively(Duration.ofSeconds((long) (SECONDS * 4) + 60), () -> {
      Map<String, ContractBreach> breaches = new LinkedHashMap<>();
      long start = System.nanoTime();
      int runs = 0;
      long elapsed;
      while ((elapsed = System.nanoTime() - start) < budget || runs < minRuns && elapsed < cap) {
        Object[] in = make.get();
        long t0 = System.nanoTime();
        try {
          check.accept(in);
        } catch (ContractBreach b) {
          breaches.putIfAbsent(b.signature(), b);
        }
        long took = System.nanoTime() - t0;
        if (took > PER_INPUT.toNanos()) {
          breaches.putIfAbsent("slow", new ContractBreach(target + " took " + took / 1_000_000 + " ms",
              shown.apply(in), null));
        }
        runs++;
      }
      if (!breaches.isEmpty()) {
        Path out = Path.of("target", "fuzz-failures");
        Files.createDirectories(out);
        StringBuilder sb = new StringBuilder(breaches.size() + " kind(s) of contract breach in " + runs + " "
            + target + " inputs (seed " + SEED + "):");
        int i = 0;
        for (Map.Entry<String, ContractBreach> e : breaches.entrySet()) {
          Path f = out.resolve(target + "-" + Integer.toHexString(java.util.Arrays.hashCode(e.getValue().input)));
          Files.write(f, e.getValue().input);
          sb.append("\n\n#").append(++i).append(' ').append(e.getKey()).append(" (saved as ").append(f).append(")\n")
              .append(e.getValue().getMessage());
          if (e.getValue().getCause() != null) {
            StringBuilder st = new StringBuilder();
            for (StackTraceElement el : e.getValue().getCause().getStackTrace()) {
              if (st.length() > 1500) {
                break;
              }
              st.append("\n    at ").append(el);
            }
            sb.append(st);
          }
        }
        throw new AssertionError(sb.toString(), breaches.values().iterator().next());
      }
      return runs;
    });
  }
}
