package io.vigil.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.alerts.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as a site would write one: it checks the {@code Vigil-Signature} with its secret
 * (401 when it does not verify), answers 503 to the first {@code failures} signed requests, then 204. Each request is
 * kept as received. {@link #hold()} makes it keep requests waiting for an answer until {@link #close()}.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and whether its signature verified. */
    record Received(String path, String alertId, String deliveryId, String signature, byte[] body, boolean verified) {}

    private final HttpServer server;
    private final String secret;
    private final Clock clock;
    private final AtomicInteger failuresLeft;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holding;
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret, int failures, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** The URL alerts go to, with a secret-looking path that must never show. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/SECRETPATH?token=SECRETQUERY";
    }

    void hold() {
        holding = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(64 * 1024);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            boolean verified = WebhookSignature.verify(
                    secret, signature, body, clock.instant().getEpochSecond(), 300);
            received.add(new Received(
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Vigil-Alert-Id"),
                    exchange.getRequestHeaders().getFirst("Vigil-Delivery-Id"),
                    signature,
                    body,
                    verified));
            if (holding) {
                release.await();
            }
            int status = !verified ? 401 : failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
