package io.vigil.alerts;

import io.vigil.alerts.email.EmailConfig;
import io.vigil.alerts.webhook.WebhookTarget;
import java.util.Objects;

/**
 * Where alerts go: a configured alert target, one delivery per alert each. Named by {@link #name()} in the delivery
 * list ({@code alert_delivery.target_name}) and shown by {@link #origin()}, which carries no secret: a webhook URL's path
 * and query, an SMTP user name and password never show.
 */
public sealed interface AlertTarget {

    /** How a target is reached. */
    enum Kind {
        /** An HTTP(S) POST of the JSON body, signed. */
        WEBHOOK,
        /** An e-mail through an SMTP server. */
        EMAIL
    }

    /** The target's name as configured, the same on every node: {@code webhook}, {@code email}. */
    String name();

    Kind kind();

    /** How the target is shown and logged: {@code https://hooks.example.com:443}, {@code smtp://mail.example.com:587}. */
    String origin();

    /**
     * A webhook: the settings' one at {@code vigil.alerts.webhook-url} (named {@value #NAME}), or one made through the
     * API under its own name. All are signed with the one webhook secret.
     */
    record Webhook(String name, WebhookTarget url) implements AlertTarget {

        /** The name deliveries give the settings' webhook. */
        public static final String NAME = "webhook";

        public Webhook {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }

        /** The settings' webhook. */
        public Webhook(WebhookTarget url) {
            this(NAME, url);
        }

        @Override
        public Kind kind() {
            return Kind.WEBHOOK;
        }

        @Override
        public String origin() {
            return url.origin();
        }

        @Override
        public String toString() {
            return name + " " + origin();
        }
    }

    /** The e-mail recipients of {@code vigil.alerts.email.*}, through its SMTP server. */
    record Email(EmailConfig server) implements AlertTarget {

        /** The name deliveries give it. */
        public static final String NAME = "email";

        public Email {
            if (!Objects.requireNonNull(server, "server").configured()) {
                throw new IllegalArgumentException("an e-mail target needs vigil.alerts.email.host");
            }
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Kind kind() {
            return Kind.EMAIL;
        }

        /** {@code smtp://host:port}: no user, no password. */
        @Override
        public String origin() {
            return server.origin();
        }

        @Override
        public String toString() {
            return NAME + " " + origin() + " to " + server.to().size() + " recipient(s)";
        }
    }
}
