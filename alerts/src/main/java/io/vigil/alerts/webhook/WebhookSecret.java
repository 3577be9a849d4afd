package io.vigil.alerts.webhook;

import io.vigil.kernel.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key webhooks are signed with: {@code vigil.alerts.webhook-secret} when set, else the content of
 * {@code vigil.alerts.webhook-secret-file} ({@code data/webhook-secret}), generated there (0600) the first time:
 * {@code whsec_} and 32 random bytes in URL-safe base64. Its text never reaches a log, an answer or an error:
 * {@link #toString()} hides it.
 */
public final class WebhookSecret {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecret.class);

    /** The shortest secret accepted from configuration. */
    public static final int MIN_LENGTH = 16;

    private final String text;

    private WebhookSecret(String text) {
        this.text = text;
    }

    /** A secret given as text (configuration, tests): at least {@value #MIN_LENGTH} characters, no surrounding blanks. */
    public static WebhookSecret of(String text) {
        if (text == null || text.strip().length() < MIN_LENGTH || !text.equals(text.strip())) {
            throw new IllegalArgumentException("vigil.alerts.webhook-secret must be at least " + MIN_LENGTH
                    + " characters, without surrounding blanks (its value is not shown)");
        }
        return new WebhookSecret(text);
    }

    /** The configured secret if there is one, else the file's, generating the file first if there is none. */
    public static WebhookSecret resolve(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return of(configured);
        }
        try {
            OwnerOnlyFile.Content content = OwnerOnlyFile.readOrCreate(file, WebhookSecret::generate);
            if (content.created()) {
                LOG.warn(
                        "Created the webhook secret file {} (0600): give its content to each webhook receiver, which "
                                + "verifies the Vigil-Signature header with it",
                        file.toAbsolutePath());
            }
            if (content.othersMayRead()) {
                LOG.warn(
                        "The webhook secret file {} may be read by others than its owner: chmod 600 it",
                        file.toAbsolutePath());
            }
            return of(content.text().strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the webhook secret file " + file.toAbsolutePath() + " cannot be read or made: " + e.getMessage(),
                    e);
        }
    }

    static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
    }

    byte[] keyBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
