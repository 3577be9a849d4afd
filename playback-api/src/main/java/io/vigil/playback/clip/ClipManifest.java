package io.vigil.playback.clip;

import io.vigil.kernel.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an exported clip holds, for an auditor to check it against: the camera and range asked for, every
 * segment in it with its SHA-256 as recorded at write time, the gaps, and the SHA-256 and size of the clip
 * file itself. {@link #json()} is the exact text that is signed. Pure.
 *
 * @param cameraId    the stream key of the clip's stream: written as the camera's id, and {@code "stream":"sub"}
 *                    after it for a sub stream's clip
 * @param segments    in clip order
 * @param clipSha256  hex SHA-256 of the whole clip.mp4 as served for this range
 */
public record ClipManifest(
        String cameraId,
        Instant start,
        Instant end,
        String fileName,
        List<Entry> segments,
        List<TimeRange> gaps,
        String clipSha256,
        long clipSizeBytes) {

    static final String FORMAT = "vigil-clip-manifest/1";

    /** One segment of the clip; {@code sha256} is null for segments recorded before checksums were kept. */
    public record Entry(long sequence, Instant start, int durationMillis, String sha256) {}

    public ClipManifest {
        Objects.requireNonNull(cameraId, "cameraId");
        segments = List.copyOf(segments);
        gaps = List.copyOf(gaps);
    }

    /** The camera the clip is of ({@code cameraId} is the stream key: {@code {id}.sub} for a sub stream's clip). */
    String camera() {
        return io.vigil.kernel.StreamKey.parse(cameraId)
                .map(k -> k.cameraId().value())
                .orElse(cameraId);
    }

    /** The manifest as JSON, fields in a fixed order, one segment per line; these bytes are signed. */
    public byte[] json() {
        StringBuilder out = new StringBuilder(200 + 120 * segments.size());
        out.append("{\"format\":\"")
                .append(FORMAT)
                .append("\",\n")
                .append("\"cameraId\":\"")
                .append(camera())
                .append("\",\n");
        if (!camera().equals(cameraId)) {
            out.append("\"stream\":\"sub\",\n"); // a main stream's manifest reads as it did before streams
        }
        out.append("\"start\":\"")
                .append(start)
                .append("\",\n")
                .append("\"end\":\"")
                .append(end)
                .append("\",\n")
                .append("\"fileName\":\"")
                .append(fileName)
                .append("\",\n")
                .append("\"clipSha256\":\"")
                .append(clipSha256)
                .append("\",\n")
                .append("\"clipSizeBytes\":")
                .append(clipSizeBytes)
                .append(",\n")
                .append("\"gaps\":[");
        for (int i = 0; i < gaps.size(); i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"start\":\"")
                    .append(gaps.get(i).start())
                    .append("\",\"end\":\"")
                    .append(gaps.get(i).end())
                    .append("\"}");
        }
        out.append("],\n\"segments\":[\n");
        for (int i = 0; i < segments.size(); i++) {
            Entry e = segments.get(i);
            out.append("{\"sequence\":")
                    .append(e.sequence())
                    .append(",\"start\":\"")
                    .append(e.start())
                    .append("\",\"durationMillis\":")
                    .append(e.durationMillis())
                    .append(",\"sha256\":")
                    .append(e.sha256() == null ? "null" : "\"" + e.sha256() + "\"")
                    .append('}')
                    .append(i + 1 < segments.size() ? ",\n" : "\n");
        }
        return out.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
