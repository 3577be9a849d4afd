package io.vigil.access.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit log.
 *
 * @param id         increasing: the order events were recorded in (0 before it is stored)
 * @param username   who; {@code share:<id>} for a share link; null when nobody signed in
 * @param role       the user's role then, if any
 * @param rangeStart start of the footage range concerned, if any
 * @param rangeEnd   end (exclusive), if any
 * @param outcome    OK, DENIED or FAILED, from the HTTP status
 */
@Serdeable
public record AuditEvent(
        long id,
        Instant at,
        @Nullable String username,
        @Nullable String role,
        AuditAction action,
        @Nullable String cameraId,
        @Nullable Instant rangeStart,
        @Nullable Instant rangeEnd,
        @Nullable String clientAddress,
        String outcome,
        int httpStatus,
        @Nullable String detail) {

    public static final int MAX_DETAIL = 500;

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        // cut to the column sizes: an over-long camera id in a probing URL must not lose its row
        username = cut(username, 64);
        role = cut(role, 16);
        cameraId = cut(cameraId, 63);
        clientAddress = cut(clientAddress, 64);
        detail = cut(detail, MAX_DETAIL);
        // a range the API would refuse is not recorded as one: its epoch milliseconds could overflow the row
        rangeStart = rangeStart == null || TimeRange.within(rangeStart) ? rangeStart : null;
        rangeEnd = rangeEnd == null || TimeRange.within(rangeEnd) ? rangeEnd : null;
    }

    /** Cut to the column's size, NUL characters (a {@code %00} in a probing URL) replaced: no database refuses the row. */
    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String shown = s.length() <= max ? s : s.substring(0, max);
        return shown.replace((char) 0, '?');
    }

    /** OK for 2xx and 3xx, DENIED for 401, 403 and 429, FAILED for any other error. */
    public static String outcomeOf(int status) {
        if (status < 400) {
            return "OK";
        }
        return status == 401 || status == 403 || status == 429 ? "DENIED" : "FAILED";
    }

    public static Builder builder(AuditAction action, Instant at) {
        return new Builder(action, at);
    }

    /** Builds an event field by field; the outcome follows the status. */
    public static final class Builder {
        private AuditAction action;
        private final Instant at;
        private String username;
        private String role;
        private String cameraId;
        private Instant rangeStart;
        private Instant rangeEnd;
        private String clientAddress;
        private int status = 200;
        private String detail;

        private Builder(AuditAction action, Instant at) {
            this.action = action;
            this.at = at;
        }

        public Builder action(AuditAction action) {
            this.action = action;
            return this;
        }

        public Builder user(String username, String role) {
            this.username = username;
            this.role = role;
            return this;
        }

        public Builder camera(String cameraId) {
            this.cameraId = cameraId;
            return this;
        }

        public Builder range(Instant start, Instant end) {
            this.rangeStart = start;
            this.rangeEnd = end;
            return this;
        }

        public Builder client(String address) {
            this.clientAddress = address;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    0,
                    at,
                    username,
                    role,
                    action,
                    cameraId,
                    rangeStart,
                    rangeEnd,
                    clientAddress,
                    outcomeOf(status),
                    status,
                    detail);
        }
    }
}
