package io.vigil.camera;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses the installers' cameras file ({@code config/cameras.yml}). Pure: takes the text and an
 * environment lookup, returns the cameras it could read and a message per problem.
 * <pre>
 * cameras:
 *   - id: lobby
 *     name: Lobby entrance
 *     url: rtsp://192.0.2.10:554/stream1
 *     username: admin
 *     password: ${LOBBY_PASSWORD}
 *     retention-days: 30
 *     max-bytes: 20GB        # optional quota, see {@link ByteSize}; 0 or absent: none
 *     tls-fingerprint: AB:CD:...  # rtsps:// only: the one certificate trusted, see {@link TlsFingerprint}
 *     engine: ffmpeg         # native (default) or ffmpeg
 *     streams:               # optional: the sub stream (and the main one, instead of url)
 *       sub: { url: rtsp://192.0.2.10:554/stream2, retention-days: 90 }
 * </pre>
 */
public final class CamerasFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Set<String> KEYS = Set.of(
            "id",
            "name",
            "url",
            "username",
            "password",
            "transport",
            "enabled",
            "retention-days",
            "retentiondays",
            "max-bytes",
            "maxbytes",
            "tls-fingerprint",
            "tlsfingerprint",
            "engine",
            "streams");
    private static final Map<String, String> ALIASES =
            Map.of("retentiondays", "retention-days", "maxbytes", "max-bytes", "tlsfingerprint", "tls-fingerprint");

    /**
     * @param cameras the cameras read, by id, in file order (not yet validated)
     * @param errors  problems, each naming the entry; never containing a secret
     */
    public record Parsed(Map<String, CameraRequest> cameras, List<String> errors) {}

    private CamerasFile() {}

    /** @throws IllegalArgumentException if the text is not YAML of the expected shape at all */
    public static Parsed parse(String yamlText, Function<String, String> env) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + firstLine(e.getMessage()));
        }
        Map<String, CameraRequest> cameras = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        if (root == null) {
            return new Parsed(cameras, errors);
        }
        if (!(root instanceof Map<?, ?> top)
                || !(top.get("cameras") instanceof List<?> || top.get("cameras") == null)) {
            throw new IllegalArgumentException("expected a top-level 'cameras:' list");
        }
        List<?> entries = top.get("cameras") == null ? List.of() : (List<?>) top.get("cameras");
        for (int i = 0; i < entries.size(); i++) {
            String where = "cameras[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                errors.add(where + ": expected a mapping with id, url, ...");
                continue;
            }
            List<String> entryErrors = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            StreamsRequest streams = null;
            for (var e : entry.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                    entryErrors.add("unknown key '" + key + "'");
                    continue;
                }
                if (key.equalsIgnoreCase("streams")) {
                    streams = CamerasFileStreams.parse(e.getValue(), env, entryErrors);
                    continue;
                }
                values.put(
                        ALIASES.getOrDefault(key.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)),
                        e.getValue() == null ? null : substitute(String.valueOf(e.getValue()), env, key, entryErrors));
            }
            String id = values.get("id");
            if (id != null) {
                where = where + " (" + id + ")";
            }
            if (id == null || id.isBlank()) {
                entryErrors.add("id is required");
            } else if (cameras.containsKey(id)) {
                entryErrors.add("duplicate id");
            }
            Integer retentionDays = null;
            if (values.get("retention-days") != null) {
                try {
                    retentionDays = Integer.valueOf(values.get("retention-days").trim());
                } catch (NumberFormatException e) {
                    entryErrors.add("retention-days must be a whole number");
                }
            }
            Long maxBytes = null;
            if (values.get("max-bytes") != null) {
                try {
                    maxBytes = ByteSize.parse(values.get("max-bytes")).bytes();
                } catch (IllegalArgumentException e) {
                    entryErrors.add("max-bytes " + e.getMessage());
                }
            }
            Boolean enabled = null;
            if (values.get("enabled") != null) {
                String v = values.get("enabled").trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    entryErrors.add("enabled must be true or false");
                } else {
                    enabled = Boolean.valueOf(v);
                }
            }
            if (!entryErrors.isEmpty()) {
                errors.add(where + ": " + String.join("; ", entryErrors));
                continue;
            }
            cameras.put(
                    id,
                    new CameraRequest(
                            id,
                            values.get("name"),
                            values.get("url"),
                            values.get("username"),
                            values.get("password"),
                            values.get("transport"),
                            enabled,
                            retentionDays,
                            maxBytes,
                            values.get("tls-fingerprint"),
                            values.get("engine"),
                            streams,
                            null));
        }
        return new Parsed(cameras, errors);
    }

    static String substitute(String value, Function<String, String> env, String key, List<String> errors) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.apply(m.group(1));
            if (replacement == null) {
                replacement = m.group(2);
            }
            if (replacement == null) {
                errors.add(key + " refers to environment variable " + m.group(1) + ", which is not set");
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
