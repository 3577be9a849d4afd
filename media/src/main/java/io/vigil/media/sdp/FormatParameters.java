package io.vigil.media.sdp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code key=value;key=value} of an {@code a=fmtp} line, and the value grammars codecs' parameters share. */
final class FormatParameters {

    private FormatParameters() {}

    /** Names in lower case, values trimmed; the first of a repeated name wins; a part without {@code =} is skipped. */
    static Map<String, String> parse(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(
                        part.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                        part.substring(equals + 1).trim());
            }
        }
        return parameters;
    }

    /** A base64 parameter set ({@code sprop-*}); one that does not decode is absent: it will come in-band. */
    static Optional<byte[]> base64(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.trim());
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** An unsigned decimal of {@code media}'s parameter {@code name}, at most {@code max}, else {@code fallback}. */
    static int number(Map<String, String> parameters, String name, int max, int fallback) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) > max) {
            throw new MediaException(MediaError.MALFORMED_SDP, "fmtp " + name + "=" + value);
        }
        return Integer.parseInt(value);
    }

    static byte[] hex(String name, String value) {
        if (value == null || value.isEmpty() || value.length() % 2 != 0 || !value.matches("[0-9A-Fa-f]+")) {
            throw new MediaException(MediaError.MALFORMED_SDP, "fmtp " + name + "=" + value);
        }
        return HexFormat.of().parseHex(value);
    }
}
