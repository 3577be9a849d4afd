package io.vigil.media.rtsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An RTSP message's header lines, in their order; names compare without case, a name may repeat. */
public record RtspHeaders(List<Header> lines) {

    /** One header line: its name and its value, trimmed. */
    public record Header(String name, String value) {
        public Header {
            if (name.isEmpty() || !name.chars().allMatch(RtspHeaders::isTokenChar)) {
                throw new IllegalArgumentException("not a header name: '" + name + "'");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header value on several lines: " + name);
            }
        }
    }

    public static final RtspHeaders NONE = new RtspHeaders(List.of());

    public RtspHeaders {
        lines = List.copyOf(lines);
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        return lines.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst();
    }

    /** Every value of {@code name}, in order (WWW-Authenticate may come once per scheme). */
    public List<String> all(String name) {
        return lines.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .toList();
    }

    /** These headers and {@code name: value} after them. */
    public RtspHeaders with(String name, String value) {
        List<Header> more = new ArrayList<>(lines);
        more.add(new Header(name, value));
        return new RtspHeaders(more);
    }

    /** RFC 2616's token characters, which header names and methods are made of. */
    static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
