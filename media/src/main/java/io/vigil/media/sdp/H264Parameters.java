package io.vigil.media.sdp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Map;
import java.util.Optional;

/**
 * An H.264 media's fmtp (RFC 6184 §8.1): packetization mode (0 single NAL, 1 non-interleaved: what cameras send),
 * {@code profile-level-id} (three bytes, hexadecimal) and the SPS and PPS of {@code sprop-parameter-sets}, absent
 * when the camera sends them only in-band (or sends ones that do not decode).
 */
public record H264Parameters(
        int packetizationMode, Optional<String> profileLevelId, Optional<byte[]> sps, Optional<byte[]> pps) {

    public H264Parameters {
        if (packetizationMode < 0 || packetizationMode > 2) {
            throw new IllegalArgumentException("an H.264 packetization mode is 0, 1 or 2: " + packetizationMode);
        }
        if (profileLevelId.isPresent() && !profileLevelId.get().matches("[0-9a-f]{6}")) {
            throw new IllegalArgumentException("a profile-level-id is 6 hexadecimal digits: " + profileLevelId.get());
        }
    }

    public static H264Parameters of(MediaDescription media) {
        if (!media.encodingName().equals(Optional.of("H264"))) {
            throw new MediaException(MediaError.MALFORMED_SDP, "not an H.264 media: " + media.encodingName());
        }
        Map<String, String> fmtp = media.formatParameters();
        int mode = FormatParameters.number(fmtp, "packetization-mode", 2, 0);
        Optional<String> profile = Optional.ofNullable(fmtp.get("profile-level-id"))
                .map(id -> id.toLowerCase(java.util.Locale.ROOT))
                .filter(id -> id.matches("[0-9a-f]{6}"));
        Optional<byte[]> sps = Optional.empty();
        Optional<byte[]> pps = Optional.empty();
        for (String set : fmtp.getOrDefault("sprop-parameter-sets", "").split(",")) {
            Optional<byte[]> nal = FormatParameters.base64(set);
            int type = nal.map(bytes -> bytes[0] & 0x1F).orElse(0);
            if (type == 7 && sps.isEmpty()) {
                sps = nal;
            } else if (type == 8 && pps.isEmpty()) {
                pps = nal;
            }
        }
        return new H264Parameters(mode, profile, sps, pps);
    }
}
