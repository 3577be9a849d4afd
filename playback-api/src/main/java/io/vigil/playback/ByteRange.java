package io.vigil.playback;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable HTTP byte range {@code [offset, offset + length)} of an object of known size. Pure.
 *
 * @param offset first byte
 * @param length number of bytes
 */
public record ByteRange(long offset, long length) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public ByteRange {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("invalid range");
        }
    }

    /**
     * Parses a {@code Range} header. Empty if absent or not a single byte range (the whole object is
     * then served); {@link IllegalArgumentException} if unsatisfiable (416).
     */
    public static Optional<ByteRange> parse(String header, long sizeBytes) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw new IllegalArgumentException("empty suffix range");
            }
            first = Math.max(0, sizeBytes - suffix);
            last = sizeBytes - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? sizeBytes - 1 : Math.min(Long.parseLong(m.group(2)), sizeBytes - 1);
        }
        if (first >= sizeBytes || last < first) {
            throw new IllegalArgumentException("range not satisfiable");
        }
        return Optional.of(new ByteRange(first, last - first + 1));
    }

    /** {@code Content-Range} value. */
    public String contentRange(long sizeBytes) {
        return "bytes " + offset + "-" + (offset + length - 1) + "/" + sizeBytes;
    }
}
