package io.vigil.access.audit;

import io.vigil.kernel.hook.AuditTrail;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/** {@link AuditTrail} over the audit log: the rows whose detail mentions a subject, as the log's CSV. */
@Singleton
public class AuditTrails implements AuditTrail {

    /** What a subject may hold: no LIKE wildcard, no quote. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9 -]{1,100}");

    private final AuditLog log;

    public AuditTrails(AuditLog log) {
        this.log = log;
    }

    @Override
    public String csv(String subject) {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("an audit trail's subject is letters, digits, spaces and dashes");
        }
        List<AuditEvent> rows = log.mentioning(subject, MAX_ROWS + 1);
        boolean cut = rows.size() > MAX_ROWS;
        String csv = AuditCsv.HEADER + AuditCsv.rows(cut ? rows.subList(0, MAX_ROWS) : rows);
        return cut ? csv + "# cut at " + MAX_ROWS + " rows: the audit log has more about " + subject + "\r\n" : csv;
    }
}
