package io.vigil.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback that trusts an alert only as the README tells a receiver to: the
 * {@code Vigil-Signature} header's {@code v1} is the HMAC-SHA256 of {@code t.body} with the shared secret (checked
 * here with the JDK's own HMAC, not Vigil's code). Signed alerts are kept and answered 204 (or 500 when they contain
 * a part the test asked to fail, or only once released when they contain a part it asked to hold); others 401 and
 * counted.
 */
final class AlertReceiver implements AutoCloseable {

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private final HttpServer server;
    private final byte[] secret;
    /** The bodies of correctly signed alerts, as received. */
    final List<String> alerts = new CopyOnWriteArrayList<>();
    /** Requests refused: no signature, or a wrong one. */
    final List<String> refused = new CopyOnWriteArrayList<>();
    /** Signed alerts whose body contains one of these are kept but answered 500 (a receiver that fails). */
    final List<String> failFor = new CopyOnWriteArrayList<>();
    /** Signed alerts whose body contains one of these are answered only once {@link #released} (an attempt under way). */
    final List<String> holdFor = new CopyOnWriteArrayList<>();
    /** Counted down by the test (or at close): held alerts get their answer. */
    final CountDownLatch released = new CountDownLatch(1);

    AlertReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/vigil", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/vigil";
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String header = exchange.getRequestHeaders().getFirst("Vigil-Signature");
            Matcher m = SIGNATURE.matcher(header == null ? "" : header);
            boolean valid = m.matches() && signedWith(m.group(1), body, m.group(2));
            String text = new String(body, StandardCharsets.UTF_8);
            (valid ? alerts : refused).add(text);
            boolean fail = failFor.stream().anyMatch(text::contains);
            if (valid && holdFor.stream().anyMatch(text::contains)) {
                hold();
            }
            exchange.sendResponseHeaders(valid ? (fail ? 500 : 204) : 401, -1);
        }
    }

    private void hold() {
        try {
            released.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean signedWith(String timestamp, byte[] body, String hex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(hex));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The alerts received whose body contains every one of {@code parts}. */
    List<String> matching(String... parts) {
        return alerts.stream()
                .filter(a -> List.of(parts).stream().allMatch(a::contains))
                .toList();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
