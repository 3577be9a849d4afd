package io.vigil.alerts.email;

import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertMessage;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedEvent;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.PlannedAlert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What an alert's e-mail says (pure): the summary line as its subject, a plain text a person reads (what, which
 * cameras since when, when and by which node, in UTC with the ISO instant), the JSON body a webhook receives as its
 * attachment for a machine (a service fault's alert: the fault's summary, key and since when instead of cameras; an event's: the event too), and a {@code Message-ID} made from the delivery's id, the same on every attempt so a
 * receiver can drop a repeat.
 */
public final class AlertMail {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private AlertMail() {}

    public static String subject(Alert alert) {
        return AlertMessage.summary(alert);
    }

    /** The attachment's file name: {@code alert-<id>.json}. */
    public static String attachmentName(Alert alert) {
        return "alert-" + alert.id() + ".json";
    }

    /** {@code <deliveryId@domain>}, the domain the sender's: the same on every attempt of one delivery. */
    public static String messageId(String deliveryId, String fromAddress) {
        int at = fromAddress.lastIndexOf('@');
        String domain = at < 0 || at == fromAddress.length() - 1 ? "vigil.invalid" : fromAddress.substring(at + 1);
        return "<" + deliveryId + "@" + domain + ">";
    }

    /** The text part, lines ending in CRLF as mail wants them. */
    public static String text(Alert alert) {
        boolean firing = alert.kind() == PlannedAlert.Kind.FIRING;
        StringBuilder t = new StringBuilder();
        line(t, AlertMessage.summary(alert));
        line(t, "");
        line(
                t,
                "What:    " + (firing ? "fired" : "recovered") + " under the alert rule " + alert.ruleName()
                        + (alert.digest() ? ", a digest of " + alert.cameras().size() + " cameras" : ""));
        if (alert.event() != null) {
            AlertedEvent e = alert.event();
            line(
                    t,
                    "Event:   \"" + e.label() + "\" at " + when(e.at())
                            + (e.source() == null ? "" : " from " + e.source()) + ", event " + e.id());
        }
        if (alert.fault() != null) {
            AlertedFault f = alert.fault();
            line(t, "Fault:");
            line(t, "  " + f.summary());
            line(t, "  " + f.key() + " seen since " + when(f.since()));
        } else {
            line(t, alert.digest() ? "Cameras:" : "Camera:");
            for (AlertedCamera c : alert.cameras()) {
                line(t, "  " + c.cameraId() + " " + c.state() + " since " + when(c.since()));
            }
        }
        line(t, "When:    " + when(alert.at()) + ", decided by node " + alert.nodeId());
        line(t, "Alert:   " + alert.id());
        line(t, "");
        line(
                t,
                "The attached " + attachmentName(alert) + " is this alert as JSON, as a webhook receives it (README, "
                        + "\"Alerts\").");
        line(t, "-- ");
        line(t, "Vigil");
        return t.toString();
    }

    /** {@code 2026-12-07 12:00:04 UTC (2026-12-07T12:00:04Z)}. */
    static String when(Instant at) {
        return READABLE.format(at) + " (" + at + ")";
    }

    private static void line(StringBuilder t, String line) {
        t.append(line).append("\r\n");
    }
}
