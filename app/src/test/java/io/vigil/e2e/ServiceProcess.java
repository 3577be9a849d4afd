package io.vigil.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Vigil as a process of its own (the test classpath, {@code io.vigil.Application}), so a test can kill -9 it. */
public final class ServiceProcess implements AutoCloseable {

    private final Path work;
    final int port;
    private final List<String> extra;
    private final Map<String, String> environment;
    private Process process;

    public ServiceProcess(Path work, int port) {
        this(work, port, List.of());
    }

    /** @param extra further JVM options, such as {@code -Dvigil.storage.endpoint=...}; they replace defaults of the same name */
    public ServiceProcess(Path work, int port, List<String> extra) {
        this(work, port, extra, Map.of());
    }

    /** @param environment environment variables added to the test's own */
    public ServiceProcess(Path work, int port, List<String> extra, Map<String, String> environment) {
        this.work = work;
        this.port = port;
        this.extra = List.copyOf(extra);
        this.environment = Map.copyOf(environment);
    }

    /** The process id, for reading its CPU time and memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public void start() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dmicronaut.server.port=" + port,
                "-Dmicronaut.server.host=127.0.0.1",
                "-Ddatasources.default.url=jdbc:h2:file:" + work.resolve("db/vigil") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dvigil.storage.embedded-directory=" + work.resolve("objects"),
                "-Dvigil.secret-key-file=" + work.resolve("secret.key"),
                "-Dvigil.export-signing-key-file=" + work.resolve("export-signing.key"),
                "-Dvigil.security.token-key-file=" + work.resolve("token-signing.key"),
                "-Dvigil.admin-password=" + TestAdmin.PASSWORD,
                "-Dvigil.spool.directory=" + work.resolve("spool"),
                "-Dvigil.cameras.file=" + work.resolve("cameras.yml"),
                "-Dorg.bytedeco.javacpp.cachedir="
                        + System.getProperty(
                                "org.bytedeco.javacpp.cachedir",
                                Path.of(System.getProperty("user.home"), ".javacpp", "cache")
                                        .toString()),
                "-cp",
                System.getProperty("java.class.path"),
                "io.vigil.Application"));
        // An option given in extra replaces the default of the same name (the JVM would take the last one), the heap
        // size too: before, a caller's -Xmx came first and the default 512 MiB won.
        cmd.removeIf(option -> option.startsWith("-D")
                && option.contains("=")
                && extra.stream().anyMatch(e -> e.startsWith(option.substring(0, option.indexOf('=') + 1))));
        cmd.removeIf(option -> option.startsWith("-Xmx") && extra.stream().anyMatch(e -> e.startsWith("-Xmx")));
        cmd.addAll(1, extra);
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("service.log").toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Vigil exited at start; see " + work.resolve("service.log"));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base() + "/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Vigil did not answer /health within 60 s");
    }

    /** Whether the process was started and still runs. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The last lines of the process's log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(work.resolve("service.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, as in a crash or power cut of the process. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait for the clean shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Vigil did not stop within 60 s of SIGTERM");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }
}
