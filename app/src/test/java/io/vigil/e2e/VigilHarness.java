package io.vigil.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * A Vigil service running in the test's JVM on a random loopback port, with its own database, spool and
 * objects under {@code work}, every log line and API response kept for secret checks (which read the database
 * files too).
 */
final class VigilHarness implements AutoCloseable {

    final ApplicationContext context;
    final String base;
    final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    final List<String> responses = java.util.Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AppenderBase<ILoggingEvent> appender;
    private final Path work;

    VigilHarness(Path work, Map<String, Object> properties) {
        this.work = work;
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                logLines.add(e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : " " + e.getThrowableProxy().getMessage()));
            }
        };
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        Map<String, Object> all = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "micronaut.server.host", "127.0.0.1",
                "datasources.default.url", "jdbc:h2:file:" + work.resolve("db/vigil") + ";DB_CLOSE_ON_EXIT=FALSE",
                "vigil.storage.embedded-directory", work.resolve("objects").toString(),
                "vigil.spool.directory", work.resolve("spool").toString(),
                "vigil.cameras.file", work.resolve("cameras.yml").toString(),
                "vigil.secret-key-file", work.resolve("secret.key").toString(),
                "vigil.export-signing-key-file",
                        work.resolve("export-signing.key").toString(),
                "vigil.security.token-key-file",
                        work.resolve("token-signing.key").toString(),
                "vigil.admin-password", TestAdmin.PASSWORD));
        all.putAll(properties);
        context = ApplicationContext.run(EmbeddedServer.class, all, "test").getApplicationContext();
        base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** A request as the admin (HTTP Basic). */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, TestAdmin.basic());
    }

    /** A request with this {@code Authorization} header (none when null). */
    HttpResponse<String> send(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request = json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response.body());
        return response;
    }

    /** Creates a user (every camera) as this admin; fails unless the service answers 201. */
    void createUser(String username, String password, String role, String authorization)
            throws IOException, InterruptedException {
        HttpResponse<String> created = send(
                "POST",
                "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}",
                authorization);
        if (created.statusCode() != 201) {
            throw new AssertionError("creating user " + username + ": " + created.statusCode() + " " + created.body());
        }
    }

    /** A request with one header of the caller's choosing and no {@code Authorization}. */
    HttpResponse<String> sendWithHeader(String method, String path, String name, String value)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header(name, value)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        responses.add(response.body());
        return response;
    }

    /** {@code Authorization} header value with a bearer token of the test admin, signed in through {@code /login}. */
    String adminBearer() throws IOException, InterruptedException {
        HttpResponse<String> login = send(
                "POST",
                "/login",
                "{\"username\":\"" + TestAdmin.USERNAME + "\",\"password\":\"" + TestAdmin.PASSWORD + "\"}",
                null);
        String token = login.statusCode() == 200 ? field(login.body(), "access_token") : null;
        if (token == null) {
            throw new AssertionError("the test admin's sign-in: " + login.statusCode() + " " + login.body());
        }
        return "Bearer " + token;
    }

    /** Bytes, with this {@code Authorization} header (none when null). */
    HttpResponse<byte[]> downloadAs(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TestAdmin.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The camera's status state, e.g. RECORDING. */
    String state(String camera) throws IOException, InterruptedException {
        return field(send("GET", "/api/cameras/" + camera, null).body(), "state");
    }

    /** A path on this service, or an absolute URL it answered (a share link). */
    private URI uri(String path) {
        return URI.create(path.startsWith("http://") || path.startsWith("https://") ? path : base + path);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} and the log after the deadline. */
    void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what + "\nlog:\n"
                        + String.join("\n", logLines));
            }
            Thread.sleep(200);
        }
    }

    /** The camera's state, or the failure as text, for use inside {@link #await}. */
    String stateQuietly(String camera) {
        try {
            return state(camera);
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Fails if any API response or log line contains {@code secret}. */
    void assertNeverShown(String secret) {
        for (String r : List.copyOf(responses)) {
            if (r.contains(secret)) {
                throw new AssertionError("an API response contains a secret: " + r);
            }
        }
        for (String line : logLines) {
            if (line.contains(secret)) {
                throw new AssertionError("a log line contains a secret: " + line);
            }
        }
        try (var files = java.nio.file.Files.walk(work.resolve("db"))) {
            // Latin-1 maps each byte to one char, so a substring is exactly a byte run of the UTF-8 secret.
            java.nio.charset.Charset bytes = java.nio.charset.StandardCharsets.ISO_8859_1;
            String needle = new String(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
            for (java.nio.file.Path f :
                    files.filter(java.nio.file.Files::isRegularFile).toList()) {
                if (new String(java.nio.file.Files.readAllBytes(f), bytes).contains(needle)) {
                    throw new AssertionError("the database file " + f + " holds a secret in plain text");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }
}
