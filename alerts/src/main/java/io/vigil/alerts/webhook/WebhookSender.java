package io.vigil.alerts.webhook;

import io.vigil.alerts.Channel.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a signed JSON body to a webhook, once: {@code java.net.http} (HTTP/1.1), bounded connect and answer timeouts, no
 * redirects followed (a redirect is a failure: the body would go where the site did not say), the answer's body
 * not read. What it reports names neither the URL nor the secret.
 */
public final class WebhookSender {

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration answerTimeout;
    private final Clock clock;

    public WebhookSender(Duration connectTimeout, Duration answerTimeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // no h2c upgrade offered over plain http: simple receivers take a POST with an Upgrade header badly
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.clock = clock;
    }

    /** Connecting, then waiting for the answer. */
    public Duration longestAttempt() {
        return connectTimeout.plus(answerTimeout);
    }

    /** Sends {@code body} to {@code target}, signed now, with the alert's and delivery's ids as headers. */
    public Outcome send(
            WebhookTarget target, WebhookSignature signature, String alertId, String deliveryId, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Vigil-Alerts")
                .header("Vigil-Alert-Id", alertId)
                .header("Vigil-Delivery-Id", deliveryId)
                .header(
                        WebhookSignature.HEADER,
                        signature.header(clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long began = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return status / 100 == 2 ? Outcome.delivered(status) : Outcome.failed(status, "answered HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            if (System.nanoTime() - began < connectTimeout.toNanos() && answerTimeout.compareTo(connectTimeout) < 0) {
                // the answer timeout (the request's) ran out first, while still connecting
                return Outcome.failed(null, "no answer within " + answerTimeout.toMillis() + " ms");
            }
            return Outcome.failed(
                    null, "cannot connect to " + target.origin() + " within " + connectTimeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return Outcome.failed(null, "no answer within " + answerTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return Outcome.failed(null, "cannot connect to " + target.origin());
        } catch (IOException e) {
            return Outcome.failed(null, "failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "interrupted");
        }
    }
}
