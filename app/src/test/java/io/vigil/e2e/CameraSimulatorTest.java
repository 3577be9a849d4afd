package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The RTSP simulator itself, which every end-to-end test stands on. Sessions that end a moment after PLAY, as
 * recorders that fail over, stall or get garbage leave them, must not hang it: the simulator that looped its clips by
 * seeking each client's pipeline deadlocked gst-rtsp-server 1.22 within seconds of this churn (it still accepted
 * connections but answered nothing, so every later camera failed with "Invalid data found when processing input").
 */
class CameraSimulatorTest {

    private static final int CLIENTS = 6;
    private static final Duration CHURN = Duration.ofSeconds(25);

    @Test
    void answersThroughoutWhileSessionsEndRightAfterPlay() throws Exception {
        ExternalTools.require();
        Path clip = ExternalTools.clip(clips(), false); // H.264 and AAC: two streams per session
        Map<String, Path> paths = new TreeMap<>();
        for (int i = 1; i <= CLIENTS; i++) {
            paths.put("cam" + i, clip);
        }
        try (CameraSimulator simulator = new CameraSimulator(paths, Map.of())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sessions = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (String path : paths.keySet()) {
                Thread t = new Thread(() -> churn(simulator, path, stop, sessions, failures), "churn-" + path);
                t.setDaemon(true);
                t.start();
                clients.add(t);
            }
            long end = System.nanoTime() + CHURN.toNanos();
            int probes = 0;
            try {
                while (System.nanoTime() < end) {
                    Thread.sleep(1000);
                    assertEquals(
                            "answers RTSP OPTIONS",
                            simulator.probe(),
                            "after " + sessions.get() + " sessions; " + simulator.output());
                    probes++;
                }
            } finally {
                stop.set(true);
                for (Thread t : clients) {
                    t.join(10_000);
                }
            }
            System.out.printf(
                    "MEASURED simulator churn: %d sessions ended within 0.5 s of PLAY in %d s, answered %d probes%n",
                    sessions.get(), CHURN.toSeconds(), probes);
            assertTrue(sessions.get() >= 50, "the churn ran: " + sessions.get() + " sessions, failures " + failures);
            assertTrue(simulator.answering(), simulator.output());
        }
    }

    /** One client's loop: DESCRIBE, SETUP each stream (interleaved TCP), PLAY, read up to 0.5 s, TEARDOWN, close. */
    private static void churn(
            CameraSimulator simulator, String path, AtomicBoolean stop, AtomicInteger sessions, List<String> failures) {
        String url = simulator.url(path);
        while (!stop.get()) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), simulator.port)) {
                socket.setSoTimeout(5000);
                Rtsp rtsp = new Rtsp(socket);
                String sdp = rtsp.request("DESCRIBE", url, "Accept: application/sdp\r\n");
                Matcher control = Pattern.compile("a=control:(\\S*stream=\\d+)").matcher(sdp);
                String session = null;
                for (int channel = 0; control.find(); channel += 2) {
                    String track =
                            control.group(1).startsWith("rtsp:") ? control.group(1) : url + "/" + control.group(1);
                    String head = rtsp.request(
                            "SETUP",
                            track,
                            "Transport: RTP/AVP/TCP;unicast;interleaved=" + channel + "-" + (channel + 1) + "\r\n"
                                    + (session == null ? "" : "Session: " + session + "\r\n"));
                    Matcher id = Pattern.compile("Session: ([^;\r\n]+)").matcher(head);
                    assertTrue(id.find(), head);
                    session = id.group(1);
                }
                rtsp.send("PLAY", url + "/", "Session: " + session + "\r\nRange: npt=0-\r\n");
                socket.setSoTimeout(100);
                long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(500_000_000L);
                byte[] media = new byte[65536];
                while (System.nanoTime() < until) {
                    try {
                        if (socket.getInputStream().read(media) < 0) {
                            break;
                        }
                    } catch (SocketTimeoutException quiet) {
                        // nothing yet
                    }
                }
                rtsp.send("TEARDOWN", url + "/", "Session: " + session + "\r\n");
                sessions.incrementAndGet();
            } catch (IOException | AssertionError e) {
                failures.add(e.toString()); // a hung simulator shows in the probes
                sleepQuietly();
            }
        }
    }

    /** Just enough RTSP over one connection: requests, and answers read up to their body. */
    private static final class Rtsp {
        private final Socket socket;
        private int cseq;

        Rtsp(Socket socket) {
            this.socket = socket;
        }

        void send(String method, String uri, String headers) throws IOException {
            socket.getOutputStream()
                    .write((method + " " + uri + " RTSP/1.0\r\nCSeq: " + ++cseq + "\r\n" + headers + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }

        /** Sends the request and returns its answer's head and body; fails unless it is 200. */
        String request(String method, String uri, String headers) throws IOException {
            send(method, uri, headers);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed during " + method);
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.US_ASCII);
            if (!text.startsWith("RTSP/1.0 200")) {
                throw new IOException(
                        method + " answered " + text.lines().findFirst().orElse(""));
            }
            Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(text);
            return text
                    + (length.find()
                            ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.US_ASCII)
                            : "");
        }
    }

    private static Path clips() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(dir);
        return dir;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
