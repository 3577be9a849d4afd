package io.vigil.media.sdp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An AAC media's fmtp in RFC 3640's {@code AAC-hbr} mode: the AudioSpecificConfig ({@code config=}, hexadecimal)
 * and the widths of the AU headers' fields, in bits ({@code sizelength=13;indexlength=3;indexdeltalength=3}).
 */
@SuppressWarnings("ArrayRecordComponent") // the config is copied in and out, and parameters are never compared
public record AacParameters(
        byte[] audioSpecificConfig, int sizeLengthBits, int indexLengthBits, int indexDeltaLengthBits) {

    public AacParameters {
        if (audioSpecificConfig.length < 2) {
            throw new IllegalArgumentException("an AudioSpecificConfig has at least 2 bytes");
        }
        if (sizeLengthBits < 1
                || sizeLengthBits > 16
                || indexLengthBits > 8
                || indexDeltaLengthBits > 8
                || indexLengthBits < 0
                || indexDeltaLengthBits < 0) {
            throw new IllegalArgumentException("AU header widths " + sizeLengthBits + "/" + indexLengthBits + "/"
                    + indexDeltaLengthBits + " bits");
        }
        audioSpecificConfig = audioSpecificConfig.clone();
    }

    @Override
    public byte[] audioSpecificConfig() {
        return audioSpecificConfig.clone();
    }

    /** A {@code MPEG4-GENERIC} media in mode AAC-hbr; another mode, or a config missing, is refused. */
    public static AacParameters of(MediaDescription media) {
        if (!media.encodingName().equals(Optional.of("MPEG4-GENERIC"))) {
            throw new MediaException(MediaError.MALFORMED_SDP, "not an MPEG4-GENERIC media: " + media.encodingName());
        }
        Map<String, String> fmtp = media.formatParameters();
        String mode = fmtp.getOrDefault("mode", "");
        if (!mode.toLowerCase(Locale.ROOT).equals("aac-hbr")) {
            throw new MediaException(MediaError.MALFORMED_SDP, "AAC mode '" + mode + "', not AAC-hbr");
        }
        byte[] config = FormatParameters.hex("config", fmtp.get("config"));
        int size = FormatParameters.number(fmtp, "sizelength", 16, 0);
        int index = FormatParameters.number(fmtp, "indexlength", 8, 0);
        int delta = FormatParameters.number(fmtp, "indexdeltalength", 8, 0);
        if (config.length < 2 || size == 0) {
            throw new MediaException(
                    MediaError.MALFORMED_SDP, "AAC-hbr needs config (2 bytes at least) and sizelength: " + fmtp);
        }
        return new AacParameters(config, size, index, delta);
    }
}
