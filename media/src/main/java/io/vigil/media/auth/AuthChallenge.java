package io.vigil.media.auth;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One WWW-Authenticate challenge (RFC 7235 §2.1): its scheme ({@code basic}, {@code digest}, lower case) and its
 * parameters, names in lower case, quoted values unquoted.
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

    public AuthChallenge {
        if (scheme.isEmpty() || !scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("an authentication scheme in lower case: '" + scheme + "'");
        }
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** {@code Digest realm="cam", nonce="abc", qop="auth"}; a parameter without a value or an open quote is refused. */
    public static AuthChallenge parse(String value) {
        String text = value.trim();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty() || !scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw malformed(value);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int at = space < 0 ? text.length() : space;
        while (at < text.length()) {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == ',')) {
                at++;
            }
            if (at == text.length()) {
                break;
            }
            int equals = text.indexOf('=', at);
            if (equals < 0) {
                throw malformed(value);
            }
            String name = text.substring(at, equals).trim().toLowerCase(Locale.ROOT);
            at = equals + 1;
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            StringBuilder parameter = new StringBuilder();
            if (at < text.length() && text.charAt(at) == '"') {
                at = quoted(text, at + 1, parameter, value);
            } else {
                while (at < text.length() && text.charAt(at) != ',') {
                    parameter.append(text.charAt(at++));
                }
            }
            if (name.isEmpty()) {
                throw malformed(value);
            }
            parameters.putIfAbsent(name, parameter.toString().trim());
        }
        return new AuthChallenge(scheme, parameters);
    }

    /** Reads a quoted string's rest from {@code at} into {@code into}; returns where it ends, past the quote. */
    private static int quoted(String text, int at, StringBuilder into, String value) {
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return at;
            }
            if (c == '\\' && at < text.length()) {
                c = text.charAt(at++);
            }
            into.append(c);
        }
        throw malformed(value);
    }

    private static MediaException malformed(String value) {
        return new MediaException(MediaError.MALFORMED_HEADER, "WWW-Authenticate '" + value + "'");
    }
}
