package io.vigil.investigation.incident;

import io.vigil.investigation.event.Event;
import io.vigil.kernel.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text files of an incident package and where everything goes in it: pure, no I/O but the README's template (a
 * resource). The layout is the one {@code bin/verify-package} checks (README "Incident package").
 */
public final class PackageFiles {

    public static final String README = "README.txt";
    public static final String INCIDENT = "incident.json";
    public static final String EVENTS_JSON = "events.json";
    public static final String EVENTS_CSV = "events.csv";
    public static final String AUDIT = "audit.csv";
    public static final String KEY = "export-signing.pem";
    public static final String SUMS = "SHA256SUMS";
    public static final String SUMS_SIGNATURE = "SHA256SUMS.sig";

    private static final String TEMPLATE = template();

    private PackageFiles() {}

    /** The directory every file of the incident's package lies in. */
    public static String directory(String incidentId) {
        return "incident-" + incidentId;
    }

    /** Where a camera's file lies in the package directory: {@code cameras/<camera>/<name>}. */
    public static String cameraFile(String cameraId, String name) {
        return "cameras/" + cameraId + "/" + name;
    }

    /** A map whose keys sort as {@code LC_ALL=C sort} sorts paths: by their UTF-8 bytes. */
    public static <V> SortedMap<String, V> byPath() {
        return new TreeMap<>(
                Comparator.comparing((String path) -> path.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    }

    /** {@code SHA256SUMS}: "{@code <hex>  <path>}" a line, sorted by path's UTF-8 bytes, as {@code sha256sum} writes. */
    public static byte[] sha256Sums(SortedMap<String, String> hexByPath) {
        StringBuilder out = new StringBuilder(hexByPath.size() * 100);
        hexByPath.forEach(
                (path, hex) -> out.append(hex).append("  ").append(path).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The hex SHA-256 of the DER public key in {@code pem}, as {@code openssl pkey -pubin -outform DER | sha256sum}. */
    public static String keyFingerprint(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
        return Sha256.hex(Base64.getDecoder().decode(body));
    }

    /** The recipient's README: how to verify the package offline, with the incident's facts filled in. */
    public static byte[] readme(Incident incident, Instant exportedAt, String keyFingerprint) {
        Map<String, String> values = Map.of(
                "incidentId", incident.id(),
                "title", incident.title(),
                "start", incident.start().toString(),
                "end", incident.end().toString(),
                "cameraIds", String.join(", ", incident.cameraIds()),
                "exportedAt", exportedAt.toString(),
                "keyFingerprint", keyFingerprint);
        String text = TEMPLATE;
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The events as CSV (RFC 4180, every text field quoted, spreadsheet formulas defused), oldest first. */
    public static byte[] eventsCsv(List<Event> events) {
        StringBuilder out = new StringBuilder("id,start,end,label,cameras,source,note,created_by,created\r\n");
        for (Event e : events) {
            out.append(e.id())
                    .append(',')
                    .append(e.start())
                    .append(',')
                    .append(e.end() == null ? "" : e.end().toString())
                    .append(',')
                    .append(quoted(e.label()))
                    .append(',')
                    .append(quoted(String.join(" ", e.cameraIds())))
                    .append(',')
                    .append(quoted(e.source()))
                    .append(',')
                    .append(quoted(e.note()))
                    .append(',')
                    .append(quoted(e.createdBy()))
                    .append(',')
                    .append(e.created())
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Why a camera has no clip in the package (nothing recorded in the range, or it cannot be one file). */
    public static byte[] notExported(String cameraId, String why) {
        return ("No clip of camera " + cameraId + " is in this package: " + why + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        String v = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String template() {
        try (InputStream in = PackageFiles.class.getResourceAsStream("package-README.txt")) {
            if (in == null) {
                throw new IllegalStateException("package-README.txt is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
