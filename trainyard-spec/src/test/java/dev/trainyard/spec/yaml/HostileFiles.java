package dev.trainyard.spec.yaml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Validator;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hostile-input tests share: a file written to a temporary folder, validated under a
 * timeout that guards against hangs (not a performance target), and its first error.
 */
abstract class HostileFiles {
  static final Duration GUARD = Duration.ofSeconds(10);
  static final String PIPELINE = """
      type: pipeline
      jobs:
        a:
          command: echo ${{inputs.x}}
          environment: azureml:env@latest
          inputs:
            x: hello
      """;

  @TempDir Path dir;

  // ---- helpers -----------------------------------------------------------------------------

  List<Diagnostic> diagnostics(byte[] bytes) {
    Path file = dir.resolve("hostile.yml");
    return assertTimeoutPreemptively(GUARD, () -> {
      Files.write(file, bytes);
      return new Validator(new SpecLoader()).validate(file).diagnostics();
    });
  }

  Diagnostic firstError(String text) {
    return firstError(text.getBytes(UTF_8));
  }

  Diagnostic firstError(byte[] bytes) {
    List<Diagnostic> ds = diagnostics(bytes);
    assertThat(ds).as("diagnostics").anyMatch(Diagnostic::isError);
    return ds.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
  }

  static byte[] hex(String s) {
    String[] parts = s.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
