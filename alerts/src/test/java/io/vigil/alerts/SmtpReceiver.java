package io.vigil.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SMTP server on loopback: {@code tools/smtp_receiver.py} (aiosmtpd), started here and killed on
 * {@link #close()}. It writes each message it takes as a {@code .eml} and each step of each session (CONNECT, EHLO,
 * STARTTLS, AUTH …, MAIL, RCPT, DATA) to {@code events.log}, both read back here. Its certificate is a fresh
 * self-signed one for {@code localhost} and {@code 127.0.0.1}, made with {@code openssl}.
 */
public final class SmtpReceiver implements AutoCloseable {

    /** How the server protects the session (the script's {@code --tls}). */
    public enum Tls {
        STARTTLS,
        IMPLICIT,
        NONE
    }

    public static final String INSTALL = "apt-get install -y python3-aiosmtpd";

    private final Process process;
    private final Path directory;
    private final int port;

    public SmtpReceiver(Path directory, Tls tls, String user, String password)
            throws IOException, InterruptedException {
        this.directory = Files.createDirectories(directory.resolve("smtp"));
        certificate(directory, "localhost", "DNS:localhost,IP:127.0.0.1");
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/python3",
                repositoryRoot().resolve("tools/smtp_receiver.py").toString(),
                "--dir",
                this.directory.toString(),
                "--tls",
                tls.name().toLowerCase(java.util.Locale.ROOT),
                "--cert",
                certificatePath(directory).toString(),
                "--key",
                directory.resolve("server-key.pem").toString(),
                "--user",
                user,
                "--password",
                password));
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException(seen.toString());
        });
        String line;
        try {
            line = ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            String said = e.getCause() != null ? e.getCause().getMessage() : e.toString();
            throw new AssertionError(
                    (said != null && said.contains("NO-AIOSMTPD") ? "aiosmtpd is missing: " + INSTALL + "\n" : "")
                            + "tools/smtp_receiver.py did not start: " + said,
                    e);
        }
        this.port = Integer.parseInt(line.substring("READY ".length()).trim());
        Thread drain = new Thread(
                () -> {
                    try (InputStream in = process.getInputStream()) {
                        in.transferTo(System.err);
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "smtp-receiver-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** The path of the PEM certificate the server presents (a test's ca-file). */
    public static Path certificatePath(Path directory) {
        return directory.resolve("server-cert.pem");
    }

    /**
     * Makes a self-signed EC certificate and its key in {@code directory} ({@code server-cert.pem},
     * {@code server-key.pem}) unless there is one; {@code subjectAltName} as openssl's {@code -addext} takes it.
     */
    public static void certificate(Path directory, String commonName, String subjectAltName)
            throws IOException, InterruptedException {
        if (Files.exists(certificatePath(directory))) {
            return;
        }
        run(
                directory,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "server-key.pem",
                "-out",
                "server-cert.pem",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName,
                "-addext",
                "subjectAltName=" + subjectAltName);
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (apt-get install -y openssl): " + output);
        }
    }

    public int port() {
        return port;
    }

    /** The steps the server saw, in order. */
    public List<String> events() throws IOException {
        Path log = directory.resolve("events.log");
        return Files.exists(log) ? Files.readAllLines(log, UTF_8) : List.of();
    }

    /** The messages taken so far, oldest first, parsed. */
    public List<MimeMessage> messages() throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b)))
                    .toList()) {
                try (InputStream in = Files.newInputStream(eml)) {
                    messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        }
        return messages;
    }

    private static int number(Path eml) {
        String name = eml.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - ".eml".length()));
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("tools/smtp_receiver.py"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no tools/smtp_receiver.py above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
