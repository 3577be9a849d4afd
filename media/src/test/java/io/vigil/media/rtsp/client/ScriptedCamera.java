package io.vigil.media.rtsp.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A camera whose answers a test writes, for what a real server will not do on demand: go silent, hang up, redirect,
 * send frames on unknown channels. By default it plays one H.264 track on channels 0-1 (session {@code 77}); an
 * answer per method replaces the default ({@code null}: no answer at all); {@link AfterPlay} then writes to the
 * connection. It keeps every request it read. One connection at a time, on its own thread.
 */
final class ScriptedCamera implements AutoCloseable {

    // RTSP and SDP lines end in CRLF here, which a text block writes only with a \r escape on every line
    @SuppressWarnings("StringConcatToTextBlock")
    static final String SDP = "v=0\r\ns=scripted\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + "a=control:trackID=0\r\n";

    /** What the camera does once it answered PLAY. */
    interface AfterPlay {
        void run(OutputStream out, Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Map<String, String> answers = new HashMap<>();
    private final AfterPlay afterPlay;
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedCamera(String address, Map<String, String> overrides, AfterPlay afterPlay) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        answers.put(
                "OPTIONS", "RTSP/1.0 200 OK\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN\r\n");
        answers.put(
                "DESCRIBE",
                "RTSP/1.0 200 OK\r\nContent-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n\r\n"
                        + SDP);
        answers.put("SETUP", "RTSP/1.0 200 OK\r\nSession: 77;timeout=60\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n");
        answers.put("PLAY", "RTSP/1.0 200 OK\r\nSession: 77\r\n");
        answers.put("GET_PARAMETER", "RTSP/1.0 200 OK\r\nSession: 77\r\n");
        answers.put("TEARDOWN", "RTSP/1.0 200 OK\r\nSession: 77\r\n");
        answers.putAll(overrides);
        this.afterPlay = afterPlay;
        thread = new Thread(this::serve, "scripted-camera");
        thread.setDaemon(true);
        thread.start();
    }

    String url(String path) {
        return "rtsp://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + path;
    }

    /** The first word of each request read, in order. */
    List<String> methods() {
        return requests.stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (String request = read(in); request != null; request = read(in)) {
                    requests.add(request);
                    String method = request.substring(0, request.indexOf(' '));
                    String answer = answers.get(method);
                    if (answer == null) {
                        continue;
                    }
                    String cseq = request.lines()
                            .filter(l -> l.startsWith("CSeq:"))
                            .findFirst()
                            .orElse("CSeq: 0");
                    int headersEnd = answer.indexOf("\r\n") + 2;
                    String withCseq = answer.substring(0, headersEnd) + cseq + "\r\n" + answer.substring(headersEnd);
                    out.write((withCseq.contains("\r\n\r\n") ? withCseq : withCseq + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (method.equals("PLAY") && afterPlay != null) {
                        afterPlay.run(out, socket);
                    }
                }
            } catch (IOException e) {
                // the client went away, or the test closed the camera
            }
        }
    }

    /** One request's head, or null at the end of the stream; interleaved frames from the client are skipped. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (head.size() == 0 && b == '$') {
                in.read(); // channel
                int length = (in.read() << 8) | in.read();
                in.readNBytes(length);
                continue;
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
    }

    /** An interleaved frame on {@code channel} holding an RTP packet of {@code sequenceNumber}, 10 payload bytes. */
    static byte[] rtpFrame(int channel, int sequenceNumber) {
        byte[] frame = new byte[4 + 12 + 10];
        frame[0] = '$';
        frame[1] = (byte) channel;
        frame[3] = 22;
        frame[4] = (byte) 0x80;
        frame[5] = (byte) 96;
        frame[6] = (byte) (sequenceNumber >> 8);
        frame[7] = (byte) sequenceNumber;
        frame[15] = 1; // SSRC 1
        frame[16] = 0x65; // an IDR slice's NAL header
        return frame;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.join(5_000);
    }
}
