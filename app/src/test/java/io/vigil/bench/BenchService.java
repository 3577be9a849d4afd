package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What every bench shares: the real service in-process on a scratch directory, camera registration, the report. */
final class BenchService {

    private BenchService() {}

    /** The service with its embedded object store, H2 and spool under {@code work}, on a free loopback port. */
    static EmbeddedServer start(Path work) {
        return start(work, Map.of());
    }

    /** The same, with further settings. */
    static EmbeddedServer start(Path work, Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "micronaut.server.port",
                -1,
                "micronaut.server.host",
                "127.0.0.1",
                "datasources.default.url",
                "jdbc:h2:file:" + work.resolve("db/vigil") + ";DB_CLOSE_ON_EXIT=FALSE",
                "vigil.storage.embedded-directory",
                work.resolve("objects").toString(),
                "vigil.secret-key-file",
                work.resolve("secret.key").toString(),
                "vigil.export-signing-key-file",
                work.resolve("export-signing.key").toString(),
                "vigil.security.token-key-file",
                work.resolve("token-signing.key").toString(),
                "vigil.admin-password",
                TestAdmin.PASSWORD,
                "vigil.spool.directory",
                work.resolve("spool").toString(),
                "vigil.cameras.file",
                work.resolve("none.yml").toString()));
        all.putAll(settings);
        return ApplicationContext.run(EmbeddedServer.class, all, "bench");
    }

    static String baseUrl(EmbeddedServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Registers a camera that never records (its URL leads nowhere), as the API would for an installer. */
    static void registerIdleCamera(String base, String id) throws Exception {
        registerCamera(base, id, "rtsp://127.0.0.1:9/x", false);
    }

    /** Registers a camera through the API. */
    static void registerCamera(String base, String id, String url, boolean enabled) throws Exception {
        String json = "{\"id\":\"" + id + "\",\"url\":\"" + url + "\",\"enabled\":" + enabled + "}";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/cameras"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", TestAdmin.basic())
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError(r.body());
        }
    }

    /**
     * Prints a section (title with today's date, the machine, {@code method}, then {@code lines}) and appends it
     * to the file named by {@code -Dbench.report} (default docs/BENCHMARKS.md).
     */
    static void report(String title, String method, List<String> lines) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 2))
                .orElse("unknown CPU");
        String header = String.format(
                "%n## %s, %s%n%nMachine: %d cores, %s, JDK %s. %s%n%n",
                title,
                LocalDate.now(ZoneId.systemDefault()),
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("java.version"),
                method);
        String text = header + String.join("\n", lines) + "\n";
        System.out.println(text);
        Path doc = Path.of(System.getProperty("bench.report", "../docs/BENCHMARKS.md"));
        Files.writeString(doc, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Deletes a bench's scratch directory (a full playlist bench leaves a 5 GB database). */
    static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
