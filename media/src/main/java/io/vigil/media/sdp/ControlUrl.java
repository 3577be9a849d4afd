package io.vigil.media.sdp;

import java.util.Locale;

/**
 * Resolves an SDP {@code a=control} against the DESCRIBE answer's base (Content-Base, else the URL asked). Absent
 * or {@code *}: the base itself; an absolute {@code rtsp://}/{@code rtsps://} URL: as written; otherwise appended to
 * the base with one {@code /} between. Not RFC 3986 resolution, on purpose: cameras give bases such as
 * {@code rtsp://cam/cam/realmonitor?channel=1&subtype=1/} (Dahua) or bases without a final slash, and expect
 * {@code trackID=0} after them, as gortsplib and retina also do.
 */
public final class ControlUrl {

    private ControlUrl() {}

    public static String resolve(String base, String control) {
        if (control == null || control.isBlank() || control.trim().equals("*")) {
            return base;
        }
        String trimmed = control.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://")) {
            return trimmed;
        }
        return base.endsWith("/") ? base + trimmed : base + "/" + trimmed;
    }
}
