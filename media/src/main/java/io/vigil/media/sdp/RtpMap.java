package io.vigil.media.sdp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Locale;

/** A media's {@code a=rtpmap:96 H264/90000} (RFC 8866 §6.6): payload type, encoding (upper case), clock rate, channels. */
public record RtpMap(int payloadType, String encodingName, int clockRateHz, int channels) {

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("an RTP payload type is 0-127: " + payloadType);
        }
        if (encodingName.isEmpty() || !encodingName.equals(encodingName.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("an encoding name in upper case: '" + encodingName + "'");
        }
        if (clockRateHz < 1 || channels < 1) {
            throw new IllegalArgumentException("a clock rate of " + clockRateHz + " Hz, " + channels + " channels");
        }
    }

    /** The value after {@code a=rtpmap:}, e.g. {@code 97 MPEG4-GENERIC/16000/1}. */
    static RtpMap parse(String value) {
        String[] typeAndEncoding = value.trim().split("\\s+", 2);
        if (typeAndEncoding.length != 2 || !typeAndEncoding[0].matches("\\d{1,3}")) {
            throw malformed(value);
        }
        String[] parts = typeAndEncoding[1].trim().split("/");
        if (parts.length < 2
                || parts.length > 3
                || parts[0].isEmpty()
                || !parts[1].matches("\\d{1,9}")
                || (parts.length == 3 && !parts[2].matches("\\d{1,3}"))) {
            throw malformed(value);
        }
        int payloadType = Integer.parseInt(typeAndEncoding[0]);
        int clockRateHz = Integer.parseInt(parts[1]);
        int channels = parts.length == 3 ? Integer.parseInt(parts[2]) : 1;
        if (payloadType > 127 || clockRateHz == 0 || channels == 0) {
            throw malformed(value);
        }
        return new RtpMap(payloadType, parts[0].toUpperCase(Locale.ROOT), clockRateHz, channels);
    }

    private static MediaException malformed(String value) {
        return new MediaException(MediaError.MALFORMED_SDP, "a=rtpmap:" + value);
    }
}
