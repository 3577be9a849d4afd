package io.vigil.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One media section of a session description ({@code m=video 0 RTP/AVP 96} and its attributes): the media type
 * (lower case), its payload types, its control (as written), and the rtpmap and fmtp of its first payload type, the
 * one a recorder takes (fmtp names in lower case).
 */
public record MediaDescription(
        String mediaType,
        String protocol,
        List<Integer> payloadTypes,
        Optional<String> control,
        Optional<RtpMap> rtpMap,
        Map<String, String> formatParameters) {

    public MediaDescription {
        if (mediaType.isEmpty() || !mediaType.equals(mediaType.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a media type in lower case: '" + mediaType + "'");
        }
        payloadTypes = List.copyOf(payloadTypes);
        if (payloadTypes.isEmpty() || payloadTypes.stream().anyMatch(t -> t < 0 || t > 127)) {
            throw new IllegalArgumentException("RTP payload types 0-127: " + payloadTypes);
        }
        if (rtpMap.isPresent() && rtpMap.get().payloadType() != payloadTypes.get(0)) {
            throw new IllegalArgumentException("an rtpmap of payload type "
                    + rtpMap.get().payloadType() + ", not the media's first " + payloadTypes.get(0));
        }
        formatParameters = Map.copyOf(formatParameters);
    }

    /** The encoding of the first payload type, upper case ({@code H264}, {@code H265}, {@code MPEG4-GENERIC}), if mapped. */
    public Optional<String> encodingName() {
        return rtpMap.map(RtpMap::encodingName);
    }

    /** Where to SETUP this media: its control resolved against {@code base} ({@link ControlUrl}). */
    public String controlUrl(String base) {
        return ControlUrl.resolve(base, control.orElse(null));
    }
}
