package io.vigil.e2e;

import io.vigil.archive.store.EmbeddedS3Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3-compatible server (the same s3proxy Vigil embeds) in a process of its own, so a test can take
 * the object store away from a running Vigil and bring it back on the same port and files.
 */
public final class S3ServerProcess implements AutoCloseable {

    public static final String ACCESS_KEY = "fault-test";
    public static final String SECRET_KEY = "fault-test-secret";

    private final Path directory;
    private final int port;
    private Process process;

    public S3ServerProcess(Path directory, int port) throws IOException {
        this.directory = directory;
        this.port = port;
        start();
    }

    public long pid() {
        return process.pid();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        S3ServerProcess.class.getName(),
                        directory.toString(),
                        Integer.toString(port)))
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("S3 server process exited before READY:\n" + seen);
    }

    /** Kills the server at once, as a crashed or unplugged store would go. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Entry point of the server process: {@code directory port}. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedS3Server.start(Path.of(args[0]), Integer.parseInt(args[1]), ACCESS_KEY, SECRET_KEY);
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
