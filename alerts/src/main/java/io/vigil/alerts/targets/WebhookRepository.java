package io.vigil.alerts.targets;

import io.vigil.alerts.AlertTarget;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.camera.secret.CredentialCipher;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The {@code alert_webhook} table (Flyway {@code V37}): webhook targets made through the API. A URL may hold a token,
 * so it is kept encrypted with the service's secret key (the camera passwords' {@link CredentialCipher}, the target's
 * name bound to it) and shown by its origin only.
 */
@Singleton
public class WebhookRepository {

    private final Database db;
    private final CredentialCipher cipher;

    public WebhookRepository(Database db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Every webhook made through the API, by name. */
    public List<AlertTarget.Webhook> all() {
        return db.query(
                "SELECT name, url_encrypted FROM alert_webhook ORDER BY name",
                rs -> new AlertTarget.Webhook(
                        rs.getString(1), WebhookTarget.of(cipher.decrypt(bound(rs.getString(1)), rs.getString(2)))));
    }

    /** Stores a new webhook; false when one of that name exists. */
    public boolean insert(AlertTarget.Webhook webhook, String createdBy, Instant at) {
        return db.inTransaction(() -> {
            if (!db.query("SELECT 1 FROM alert_webhook WHERE name = ?", rs -> 1, webhook.name())
                    .isEmpty()) {
                return false;
            }
            db.update(
                    "INSERT INTO alert_webhook (name, url_encrypted, origin, created_by, created_millis) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    webhook.name(),
                    cipher.encrypt(bound(webhook.name()), webhook.url().url().toString()),
                    webhook.origin(),
                    createdBy,
                    at.toEpochMilli());
            return true;
        });
    }

    /** Deletes the webhook; false when there was none of that name. */
    public boolean delete(String name) {
        return db.update("DELETE FROM alert_webhook WHERE name = ?", name) == 1;
    }

    /** What the ciphertext is bound to: a copy into another row does not decrypt. */
    private static String bound(String name) {
        return "alert-webhook:" + name;
    }
}
