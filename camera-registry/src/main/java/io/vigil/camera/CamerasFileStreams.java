package io.vigil.camera;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the {@code streams:} mapping of a cameras-file entry (part of {@link CamerasFile}). Pure.
 * <pre>
 *     streams:
 *       main: { url: "rtsp://192.0.2.10/main" }
 *       sub:  { url: "rtsp://192.0.2.10/sub", retention-days: 90, max-bytes: 50GB }
 * </pre>
 */
final class CamerasFileStreams {

    private static final Set<String> STREAMS = Set.of("main", "sub");
    private static final Set<String> KEYS = Set.of("url", "retention-days", "retentiondays", "max-bytes", "maxbytes");

    private CamerasFileStreams() {}

    /** The streams {@code value} describes, problems added to {@code errors}; null when it has none. */
    static StreamsRequest parse(Object value, Function<String, String> env, List<String> errors) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> streams)) {
            errors.add("streams must be a mapping of main and sub");
            return null;
        }
        StreamRequest main = null;
        StreamRequest sub = null;
        for (var e : streams.entrySet()) {
            String name = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
            if (!STREAMS.contains(name)) {
                errors.add("unknown stream '" + e.getKey() + "' (main or sub)");
                continue;
            }
            StreamRequest stream = stream(name, e.getValue(), env, errors);
            if (name.equals("main")) {
                main = stream;
            } else {
                sub = stream;
            }
        }
        return new StreamsRequest(main, sub);
    }

    private static StreamRequest stream(String name, Object value, Function<String, String> env, List<String> errors) {
        if (!(value instanceof Map<?, ?> fields)) {
            errors.add("streams." + name + " must be a mapping with url");
            return null;
        }
        String url = null;
        Integer retentionDays = null;
        Long maxBytes = null;
        for (var e : fields.entrySet()) {
            String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
            String where = "streams." + name + "." + key;
            if (!KEYS.contains(key)) {
                errors.add("unknown key 'streams." + name + "." + e.getKey() + "'");
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            String text = CamerasFile.substitute(String.valueOf(e.getValue()), env, where, errors);
            switch (key) {
                case "url" -> url = text;
                case "retention-days", "retentiondays" -> {
                    try {
                        retentionDays = Integer.valueOf(text.trim());
                    } catch (NumberFormatException x) {
                        errors.add(where + " must be a whole number");
                    }
                }
                default -> {
                    try {
                        maxBytes = ByteSize.parse(text).bytes();
                    } catch (IllegalArgumentException x) {
                        errors.add(where + " " + x.getMessage());
                    }
                }
            }
        }
        return new StreamRequest(url, retentionDays, maxBytes);
    }
}
