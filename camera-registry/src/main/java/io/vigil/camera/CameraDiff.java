package io.vigil.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change did to a camera, in words for the audit log: each changed field with its old and new value, except
 * credentials, of which only the fact is told (a user name or password set, changed or removed). Pure.
 */
public final class CameraDiff {

    private CameraDiff() {}

    /** A new camera: its URL and settings. */
    public static String created(Camera c) {
        List<String> parts = new ArrayList<>();
        parts.add("url " + c.url());
        parts.add("transport " + c.transport().name().toLowerCase(Locale.ROOT));
        if (c.engine() != Camera.Engine.NATIVE) {
            parts.add("engine " + c.engine().name().toLowerCase(Locale.ROOT));
        }
        parts.add(c.enabled() ? "enabled" : "disabled");
        parts.add("retention " + c.retentionDays() + " days");
        if (c.maxBytes() != null) {
            parts.add("quota " + c.maxBytes() + " bytes");
        }
        if (c.username() != null) {
            parts.add("user name set");
        }
        if (c.hasPassword()) {
            parts.add("password set");
        }
        if (c.tlsFingerprint() != null) {
            parts.add("certificate pinned " + c.tlsFingerprint());
        }
        if (c.sub() != null) {
            parts.add(subStream(c.sub()));
        }
        return "created: " + String.join(", ", parts);
    }

    /** A changed camera: what differs between {@code before} and {@code after}, or "no change". */
    public static String changed(Camera before, Camera after) {
        List<String> parts = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            parts.add("name '" + before.name() + "' -> '" + after.name() + "'");
        }
        if (!before.url().equals(after.url())) {
            parts.add("url " + before.url() + " -> " + after.url());
        }
        fact("user name", before.username(), after.username()).ifPresent(parts::add);
        fact("password", before.hasPassword() ? before.password() : null, after.hasPassword() ? after.password() : null)
                .ifPresent(parts::add);
        if (!Objects.equals(before.tlsFingerprint(), after.tlsFingerprint())) {
            parts.add(
                    after.tlsFingerprint() == null
                            ? "certificate unpinned"
                            : "certificate pinned " + after.tlsFingerprint());
        }
        if (!before.url().origin().equals(after.url().origin())
                && (before.username() != null || before.hasPassword() || before.tlsFingerprint() != null)
                && after.username() == null
                && !after.hasPassword()
                && after.tlsFingerprint() == null) {
            parts.add("stored credentials dropped with the old scheme, host or port");
        }
        if (before.transport() != after.transport()) {
            parts.add("transport " + after.transport().name().toLowerCase(Locale.ROOT));
        }
        if (before.engine() != after.engine()) {
            parts.add("engine " + after.engine().name().toLowerCase(Locale.ROOT));
        }
        if (before.enabled() != after.enabled()) {
            parts.add(after.enabled() ? "enabled" : "disabled");
        }
        if (before.retentionDays() != after.retentionDays()) {
            parts.add("retention " + before.retentionDays() + " -> " + after.retentionDays() + " days");
        }
        if (!Objects.equals(before.maxBytes(), after.maxBytes())) {
            parts.add("quota " + (before.maxBytes() == null ? "none" : before.maxBytes()) + " -> "
                    + (after.maxBytes() == null ? "none" : after.maxBytes()) + " bytes");
        }
        if (!Objects.equals(before.sub(), after.sub())) {
            parts.add(after.sub() == null ? "sub stream removed" : subStream(after.sub()));
        }
        if (before.source() != after.source()) {
            parts.add("now managed by " + (after.source() == Camera.Source.FILE ? "the cameras file" : "the API"));
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static String subStream(SubStream sub) {
        return "sub stream " + sub.url() + " kept " + sub.retentionDays() + " days"
                + (sub.maxBytes() == null ? "" : " within " + sub.maxBytes() + " bytes");
    }

    private static Optional<String> fact(String what, String before, String after) {
        if (Objects.equals(before, after)) {
            return Optional.empty();
        }
        return Optional.of(what + (before == null ? " set" : after == null ? " removed" : " changed"));
    }
}
