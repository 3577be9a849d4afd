package io.vigil.media.sdp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Optional;

/** An H.265 media's fmtp (RFC 7798 §7.1): its VPS, SPS and PPS ({@code sprop-vps/sps/pps}), each absent if not given. */
public record H265Parameters(Optional<byte[]> vps, Optional<byte[]> sps, Optional<byte[]> pps) {

    public static H265Parameters of(MediaDescription media) {
        if (!media.encodingName().equals(Optional.of("H265"))) {
            throw new MediaException(MediaError.MALFORMED_SDP, "not an H.265 media: " + media.encodingName());
        }
        return new H265Parameters(
                FormatParameters.base64(first(media, "sprop-vps")),
                FormatParameters.base64(first(media, "sprop-sps")),
                FormatParameters.base64(first(media, "sprop-pps")));
    }

    /** The first of a comma-separated list: a camera sends one of each. */
    private static String first(MediaDescription media, String name) {
        return media.formatParameters().getOrDefault(name, "").split(",", -1)[0];
    }
}
