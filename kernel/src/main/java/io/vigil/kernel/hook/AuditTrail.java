package io.vigil.kernel.hook;

/**
 * The audit log's rows about one thing, for a feature that hands them on (an incident's package holds the incident's
 * trail). Access control implements it; {@link NoAuditTrail} stands in without it.
 */
public interface AuditTrail {

    /** The most rows a trail holds, oldest first; a trail cut there says so in its last line. */
    int MAX_ROWS = 10_000;

    /**
     * The rows whose detail mentions {@code subject} (such as {@code incident 5f0c…}), oldest first, as the audit log's
     * CSV ({@code GET /api/audit?format=csv}): its header line, one line per row. {@code subject} is letters, digits,
     * spaces and dashes only.
     */
    String csv(String subject);
}
