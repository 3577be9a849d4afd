package io.vigil.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code bin/verify-package} run on a package (a .zip or its extracted directory) with a key, as a recipient runs it. */
public final class VerifyPackage {

    private VerifyPackage() {}

    /** What it said and its exit code (0 only when every file is as signed, none added or removed). */
    public record Verdict(int exitCode, String output) {
        /** The files the verifier names as changed, missing or added. */
        public TreeSet<String> named() {
            TreeSet<String> names = new TreeSet<>();
            for (String line : output.split("\n")) {
                for (String kind : List.of("CHANGED: ", "MISSING: ", "ADDED: ")) {
                    if (line.startsWith(kind)) {
                        String rest = line.substring(kind.length());
                        names.add(rest.contains(" (") ? rest.substring(0, rest.indexOf(" (")) : rest.trim());
                    }
                }
            }
            return names;
        }
    }

    /** Runs it, from the repository (the working directory or its parent); fails past {@code timeout}. */
    public static Verdict run(Path pkg, Path key, Duration timeout) throws IOException, InterruptedException {
        Path script = Stream.of(
                        Path.of("").toAbsolutePath(),
                        Path.of("").toAbsolutePath().getParent())
                .map(d -> d.resolve("bin/verify-package"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("bin/verify-package not found"));
        Process p = new ProcessBuilder(script.toString(), pkg.toString(), key.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("verify-package did not finish in " + timeout + ":\n" + out);
        }
        return new Verdict(p.exitValue(), out);
    }
}
