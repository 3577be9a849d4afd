package io.vigil.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on loopback in front of a real S3 server that can answer as a failing store would: every
 * request with 500 {@code InternalError} or 503 {@code SlowDown}, uploads (PUT) with 507 {@code XMinioStorageFull}
 * (MinIO's answer when its drives are full), or every answer 10 s late. Requests are forwarded byte for byte
 * (signatures stay valid: the Host header is the one the client signed), one per connection.
 */
final class FaultyHttpProxy implements AutoCloseable {

    /** What the store does. */
    enum Fault {
        NONE,
        ERROR_500,
        UNAVAILABLE_503,
        STORAGE_FULL_507,
        SLOW_10S
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile boolean closed;
    /** Requests answered with a fault, or delayed, since the last {@link #set}. */
    final AtomicInteger faulted = new AtomicInteger();

    FaultyHttpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-http-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void set(Fault f) {
        faulted.set(0);
        fault = f;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "faulty-http-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream()) {
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String method = text.substring(0, text.indexOf(' '));
            byte[] body = in.readNBytes(contentLength(text));
            Fault now = fault;
            if (now == Fault.ERROR_500
                    || now == Fault.UNAVAILABLE_503
                    || (now == Fault.STORAGE_FULL_507 && method.equals("PUT"))) {
                faulted.incrementAndGet();
                answer(out, method, now);
                return;
            }
            if (now == Fault.SLOW_10S) {
                faulted.incrementAndGet();
                Thread.sleep(10_000);
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                sockets.add(upstream);
                OutputStream up = upstream.getOutputStream();
                // one request per connection: the server closes after its answer, which ends the relay
                up.write(text.replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n")
                        .replaceAll("(?im)^connection: keep-alive\r\n", "")
                        .getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                upstream.getInputStream().transferTo(out);
            }
        } catch (IOException | RuntimeException e) {
            // the client or the server went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(OutputStream out, String method, Fault f) throws IOException {
        String[] status = switch (f) {
            case ERROR_500 ->
                new String[] {
                    "500 Internal Server Error", "InternalError", "We encountered an internal error, please try again."
                };
            case UNAVAILABLE_503 ->
                new String[] {"503 Service Unavailable", "SlowDown", "Please reduce your request rate."};
            default ->
                new String[] {
                    "507 Insufficient Storage",
                    "XMinioStorageFull",
                    "Storage backend has reached its minimum free drive threshold. Please delete a few objects to proceed."
                };
        };
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + status[1] + "</Code><Message>"
                + status[2] + "</Message><RequestId>fault-injection</RequestId></Error>";
        byte[] body = method.equals("HEAD") ? new byte[0] : xml.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status[0] + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** The request line and headers, through the blank line; null at end of stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
