package io.vigil.archive;

import io.vigil.kernel.StreamKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Object-key layout of the archive, chosen for humans browsing a bucket and for prefix listing:
 * <pre>
 *   {camera}/{yyyy}/{MM}/{dd}/{HH}/{startEpochMillis}-{sequence}.m4s   media segment
 *   {camera}/init/{sha256-prefix}.mp4                                  init segment
 * </pre>
 * Hours are UTC. Init segments are content-addressed so identical ones are stored once.
 */
public final class ObjectKeys {

    private static final Pattern MEDIA_NAME = Pattern.compile("/([0-9]{1,15})-([0-9]{1,18})\\.m4s$");

    private ObjectKeys() {}

    public static String mediaSegment(String cameraId, Instant start, long sequence) {
        requireCamera(cameraId);
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
        return hourPrefix(cameraId, start) + start.toEpochMilli() + "-" + sequence + ".m4s";
    }

    /** Prefix of the media segments of a camera starting in the UTC hour of {@code t}. */
    public static String hourPrefix(String cameraId, Instant t) {
        requireCamera(cameraId);
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return String.format(
                "%s/%04d/%02d/%02d/%02d/", cameraId, z.getYear(), z.getMonthValue(), z.getDayOfMonth(), z.getHour());
    }

    /** @param sha256 the SHA-256 digest of the init segment's bytes */
    public static String initSegment(String cameraId, byte[] sha256) {
        requireCamera(cameraId);
        if (sha256 == null || sha256.length < 16) {
            throw new IllegalArgumentException("init segment digest must have at least 16 bytes");
        }
        return cameraId + "/init/" + HexFormat.of().formatHex(sha256, 0, 16) + ".mp4";
    }

    /** The start a media segment key carries ({@code .../{startEpochMillis}-{sequence}.m4s}), if it is one. */
    public static java.util.Optional<Instant> startOf(String key) {
        java.util.regex.Matcher m = MEDIA_NAME.matcher(key);
        return m.find()
                ? java.util.Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))))
                : java.util.Optional.empty();
    }

    /** The sequence number a media segment key carries, or -1 if it is not one. */
    public static long sequenceOf(String key) {
        java.util.regex.Matcher m = MEDIA_NAME.matcher(key);
        return m.find() ? Long.parseLong(m.group(2)) : -1;
    }

    private static void requireCamera(String cameraId) {
        if (!StreamKey.isValid(cameraId)) {
            throw new IllegalArgumentException("not a camera id: " + cameraId);
        }
    }
}
