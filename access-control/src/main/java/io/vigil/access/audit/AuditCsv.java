package io.vigil.access.audit;

import java.util.List;

/** The audit log as CSV (RFC 4180): one header line, then one line per event, every text field quoted. */
public final class AuditCsv {

    public static final String HEADER = "id,at,username,role,action,camera_id,range_start,range_end,client_address,"
            + "outcome,http_status,detail\r\n";

    private AuditCsv() {}

    public static String rows(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 160);
        for (AuditEvent e : events) {
            out.append(e.id())
                    .append(',')
                    .append(e.at())
                    .append(',')
                    .append(quoted(e.username()))
                    .append(',')
                    .append(quoted(e.role()))
                    .append(',')
                    .append(e.action())
                    .append(',')
                    .append(quoted(e.cameraId()))
                    .append(',')
                    .append(e.rangeStart() == null ? "" : e.rangeStart().toString())
                    .append(',')
                    .append(e.rangeEnd() == null ? "" : e.rangeEnd().toString())
                    .append(',')
                    .append(quoted(e.clientAddress()))
                    .append(',')
                    .append(e.outcome())
                    .append(',')
                    .append(e.httpStatus())
                    .append(',')
                    .append(quoted(e.detail()))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** A quoted field; a leading {@code = + - @} is prefixed with {@code '} so spreadsheets do not run it. */
    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
