package io.vigil.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.TimeRange;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks stored segments against the SHA-256 recorded in the index when they were written. */
@Singleton
public class SegmentVerifier {

    /** Segments one request may read. */
    public static final int MAX_SEGMENTS = 5000;

    private final SegmentIndex index;
    private final ObjectStore store;

    public SegmentVerifier(SegmentIndex index, ObjectStore store) {
        this.index = index;
        this.store = store;
    }

    /** A segment that is not what was recorded. */
    @Serdeable
    public record Mismatch(long sequence, String objectKey, String problem) {}

    /**
     * @param checked      segments whose bytes matched
     * @param unverifiable segments indexed without a digest (before it was recorded)
     * @param mismatches   segments whose object is missing, unreadable or different
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Report(
            String cameraId, Instant start, Instant end, int checked, int unverifiable, List<Mismatch> mismatches) {}

    public Report verify(String cameraId, TimeRange range) {
        List<Segment> segments = index.byTime().startingBetween(cameraId, range.start(), range.end());
        if (segments.size() > MAX_SEGMENTS) {
            throw new VigilException(
                    ErrorCode.INVALID_RANGE,
                    "the range holds " + segments.size() + " segments; verify at most " + MAX_SEGMENTS + " at once");
        }
        int checked = 0;
        int unverifiable = 0;
        List<Mismatch> mismatches = new ArrayList<>();
        for (Segment s : segments) {
            if (s.sha256() == null) {
                unverifiable++;
                continue;
            }
            String actual;
            try (InputStream in = store.read(s.objectKey(), 0, -1)) {
                actual = Sha256.hex(in.readAllBytes());
            } catch (VigilException e) {
                if (e.code() == ErrorCode.STORAGE_UNAVAILABLE) {
                    throw e;
                }
                mismatches.add(new Mismatch(s.sequence(), s.objectKey(), "object missing"));
                continue;
            } catch (IOException e) {
                throw new VigilException(
                        ErrorCode.STORAGE_UNAVAILABLE, "cannot read " + s.objectKey() + ": " + e.getMessage(), e);
            }
            if (actual.equals(s.sha256())) {
                checked++;
            } else {
                mismatches.add(new Mismatch(
                        s.sequence(), s.objectKey(), "SHA-256 " + actual + " differs from the recorded " + s.sha256()));
            }
        }
        return new Report(cameraId, range.start(), range.end(), checked, unverifiable, mismatches);
    }
}
