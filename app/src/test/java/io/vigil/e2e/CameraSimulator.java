package io.vigil.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs {@code tools/camera_simulator.py} (GStreamer's RTSP server) on loopback for a test. */
public final class CameraSimulator implements AutoCloseable {

    private final Process process;
    private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> keyframes = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> exit = new AtomicReference<>();
    /** Says, the moment the process ends while it should serve, that it did ({@link #exited}). */
    private final CompletableFuture<Void> exitNotice;

    final int port;
    final int securePort;

    /**
     * @param paths RTSP path to clip
     * @param auth  RTSP path to "user:password", served on the secure port
     */
    public CameraSimulator(Map<String, Path> paths, Map<String, String> auth) throws IOException, InterruptedException {
        this(paths, auth, 0, 0, false, Set.of());
    }

    /** A simulator that prints each keyframe's capture time for the paths in {@code logKeyframes}. */
    public static CameraSimulator withKeyframeLog(Map<String, Path> paths, Set<String> logKeyframes)
            throws IOException, InterruptedException {
        return new CameraSimulator(paths, Map.of(), 0, 0, false, logKeyframes);
    }

    /** A simulator whose secure port asks for digest authentication. */
    static CameraSimulator withDigest(Map<String, Path> paths, Map<String, String> auth)
            throws IOException, InterruptedException {
        return new CameraSimulator(paths, auth, 0, 0, true, Set.of());
    }

    /**
     * A simulator on given ports, e.g. to bring a camera back where it was; port 0 lets the simulator bind any free
     * port itself and say which (a port picked here and bound there later can be taken in between by any outgoing
     * connection on the machine, since both come from the ephemeral range).
     */
    CameraSimulator(Map<String, Path> paths, Map<String, String> auth, int port, int securePort, boolean digest)
            throws IOException, InterruptedException {
        this(paths, auth, port, securePort, digest, Set.of());
    }

    private CameraSimulator(
            Map<String, Path> paths,
            Map<String, String> auth,
            int port,
            int securePort,
            boolean digest,
            Set<String> logKeyframes)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "/usr/bin/python3",
                repoRoot().resolve("tools/camera_simulator.py").toString(),
                "--port",
                Integer.toString(port),
                "--secure-port",
                Integer.toString(securePort)));
        paths.forEach((name, file) -> cmd.addAll(List.of("--path", name + "=" + file)));
        auth.forEach((name, cred) -> cmd.addAll(List.of("--auth", name + "=" + cred)));
        if (digest) {
            cmd.add("--digest");
        }
        logKeyframes.forEach(name -> cmd.addAll(List.of("--log-keyframes", name)));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Instant started = Instant.now();
        exitNotice = process.onExit().thenAccept(p -> {
            String said = "camera simulator (pid " + p.pid() + ") EXITED with code " + p.exitValue() + " at "
                    + Instant.now() + ", "
                    + Duration.between(started, Instant.now()).toSeconds()
                    + " s after start";
            if (exit.compareAndSet(null, said)) {
                System.err.println(said);
            }
        });
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        return line;
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException("camera simulator exited before READY:\n" + seen);
        });
        String[] bound;
        try {
            bound = ready.get(30, TimeUnit.SECONDS).trim().split("\\s+");
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("camera simulator did not start: " + e.getMessage(), e);
        }
        this.port = Integer.parseInt(bound[1]);
        this.securePort = Integer.parseInt(bound[2]);
        Thread drain = new Thread(
                () -> {
                    try {
                        String line;
                        while ((line = out.readLine()) != null) {
                            (line.startsWith("KEYFRAME ") ? keyframes : output).add(line);
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "camera-simulator-output");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * What the simulator printed after READY (GStreamer warnings and errors), and whether it still runs, for failure
     * messages: a simulator that died makes every camera fail at once, which must not pass for a recorder bug.
     */
    String output() {
        String state = process.isAlive()
                ? "running, " + probe()
                : "EXITED with code " + process.exitValue() + " (every camera of this simulator fails from then on)";
        return "camera simulator on port " + port + ": " + state
                + (output.isEmpty() ? "" : "\n" + String.join("\n", output));
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The simulator's process id, for its CPU time. */
    public long pid() {
        return process.pid();
    }

    /**
     * Whether the simulator's process ended while it should serve, and when: it is printed to stderr the moment it
     * happens ({@link #close} does not count). Empty while it runs.
     */
    public Optional<String> exited() {
        return exitNotice.isDone() ? Optional.ofNullable(exit.get()) : Optional.empty();
    }

    /** What the simulator printed after READY (errors, warnings), and whether it runs, for reports. */
    public String report() {
        return output();
    }

    /** The capture times of a logged path's keyframes so far ({@link #withKeyframeLog}), oldest first. */
    public List<Instant> keyframeCaptures(String path) {
        String prefix = "KEYFRAME " + path + " ";
        return keyframes.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> Long.parseLong(l.substring(prefix.length()).trim()))
                .map(ns -> Instant.ofEpochSecond(0, ns))
                .toList();
    }

    /** True if the simulator runs and answers an RTSP {@code OPTIONS} on its plain port within {@link #PROBE_TIMEOUT}. */
    boolean answering() {
        return process.isAlive() && probe().equals(ANSWERS);
    }

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String ANSWERS = "answers RTSP OPTIONS";

    /**
     * Sends {@code OPTIONS} on a fresh connection and says what came back. A server that accepts the connection and
     * then says nothing makes FFmpeg fail with "Invalid data found when processing input" once its timeout passes,
     * the same words as for garbage: this tells a hung simulator from a recorder bug.
     */
    String probe() {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) PROBE_TIMEOUT.toMillis());
            socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
            socket.getOutputStream()
                    .write(("OPTIONS rtsp://127.0.0.1:" + port + "/ RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(15);
            String head = new String(answer, StandardCharsets.US_ASCII);
            return head.startsWith("RTSP/1.0 200")
                    ? ANSWERS
                    : "answers OPTIONS with \"" + head.replaceAll("[^ -~]", "?") + "\" (closed or not RTSP)";
        } catch (SocketTimeoutException e) {
            return "HUNG: accepts connections on port " + port + " but does not answer OPTIONS within "
                    + PROBE_TIMEOUT.toSeconds()
                    + " s (every camera of it fails with \"Invalid data found when processing input\")";
        } catch (IOException e) {
            return "does not take connections on port " + port + ": " + e;
        }
    }

    /** The path of a camera's sub stream: {@code NAME-sub}, beside its main stream at {@code NAME}. */
    public static String subPath(String name) {
        return name + "-sub";
    }

    /**
     * Paths for cameras with two streams: each of {@code names} serves {@code clips.main()} at {@code NAME}, and
     * those also in {@code withSub} serve {@code clips.sub()} at {@link #subPath NAME-sub}; in the order given.
     */
    public static Map<String, Path> streamPaths(
            List<String> names, Set<String> withSub, ExternalTools.StreamClips clips) {
        Map<String, Path> paths = new LinkedHashMap<>();
        for (String name : names) {
            paths.put(name, clips.main());
            if (withSub.contains(name)) {
                paths.put(subPath(name), clips.sub());
            }
        }
        return paths;
    }

    /** The URL of a camera's sub stream served by {@link #streamPaths}. */
    public String subUrl(String name) {
        return url(subPath(name));
    }

    public String url(String path) {
        return "rtsp://127.0.0.1:" + port + "/" + path;
    }

    String secureUrl(String path) {
        return "rtsp://127.0.0.1:" + securePort + "/" + path;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        exit.compareAndSet(null, "closed");
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("tools/camera_simulator.py").toFile().exists()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError(
                    "cannot find tools/camera_simulator.py above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Sends a signal (STOP, CONT) to the simulator, as to a camera that freezes and thaws. */
    void signal(String name) throws IOException, InterruptedException {
        ExternalTools.run(java.time.Duration.ofSeconds(5), List.of("kill", "-" + name, Long.toString(process.pid())));
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
