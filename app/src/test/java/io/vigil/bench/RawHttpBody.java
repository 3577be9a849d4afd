package io.vigil.bench;

import io.vigil.e2e.TestAdmin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The cheapest HTTP/1.1 client a benchmark can have: one GET over a socket channel, read 1 MiB at a time
 * into one off-heap buffer, counting the body's bytes (chunked or not) without copying them anywhere. It
 * measures the server, where curl (16 KB reads, each written again into a pipe) and java.net.http (its
 * selector thread) spend more CPU than the server they fetch from.
 */
final class RawHttpBody {

    /** Time to the first body byte, total time, body bytes. */
    record Fetch(double firstByteMillis, double totalSeconds, long bodyBytes) {}

    private RawHttpBody() {}

    static Fetch get(URI uri) throws IOException {
        long start = System.nanoTime();
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()))) {
            String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAuthorization: "
                    + TestAdmin.basic() + "\r\nConnection: close\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            String head = readHead(channel, buffer);
            if (!head.startsWith("HTTP/1.1 200")) {
                throw new IOException(
                        uri + " answered " + head.lines().findFirst().orElse(head));
            }
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            long firstByte = -1;
            long body = 0;
            long chunkLeft = 0; // body bytes left in the current chunk
            int skipCrlf = 0; // the CRLF after a chunk's data
            StringBuilder sizeLine = new StringBuilder();
            boolean done = false;
            while (!done) {
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    if (channel.read(buffer) < 0) {
                        break;
                    }
                    buffer.flip();
                    continue;
                }
                if (firstByte < 0) {
                    firstByte = System.nanoTime();
                }
                if (!chunked) {
                    body += buffer.remaining();
                    buffer.position(buffer.limit());
                } else if (chunkLeft > 0) {
                    int n = (int) Math.min(chunkLeft, buffer.remaining());
                    body += n;
                    chunkLeft -= n;
                    buffer.position(buffer.position() + n);
                    skipCrlf = chunkLeft == 0 ? 2 : 0;
                } else if (skipCrlf > 0) {
                    buffer.get();
                    skipCrlf--;
                } else {
                    char c = (char) buffer.get();
                    if (c != '\n') {
                        sizeLine.append(c);
                        continue;
                    }
                    String hex = sizeLine.toString().trim();
                    sizeLine.setLength(0);
                    int extension = hex.indexOf(';');
                    chunkLeft = Long.parseLong(extension < 0 ? hex : hex.substring(0, extension), 16);
                    done = chunkLeft == 0;
                }
            }
            long end = System.nanoTime();
            return new Fetch((firstByte - start) / 1e6, (end - start) / 1e9, body);
        }
    }

    /** Reads up to the blank line after the headers; leaves {@code buffer} holding what came after it. */
    private static String readHead(SocketChannel channel, ByteBuffer buffer) throws IOException {
        StringBuilder head = new StringBuilder();
        buffer.limit(0);
        while (head.length() < 4 || !"\r\n\r\n".contentEquals(head.subSequence(head.length() - 4, head.length()))) {
            if (!buffer.hasRemaining()) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    throw new IOException("connection closed in the response head: " + head);
                }
                buffer.flip();
            }
            head.append((char) buffer.get());
        }
        return head.toString();
    }
}
