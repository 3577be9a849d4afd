package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.SegmentVerifier;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import java.time.Duration;

/**
 * {@code GET /api/cameras/{id}/verify?start=&end=}: re-reads stored segments and compares their SHA-256; also for a
 * deleted camera whose recordings are kept.
 */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrityController {

    private final RecordedCameras cameras;
    private final SegmentVerifier verifier;
    private final Duration maxRange;

    public IntegrityController(RecordedCameras cameras, SegmentVerifier verifier, PlaybackConfig config) {
        this.cameras = cameras;
        this.verifier = verifier;
        this.maxRange = config.maxVerifyRange();
    }

    /** At most {@code vigil.playback.max-verify-range} (24 h) per request: each one re-reads every stored segment in it. */
    @Get("/verify")
    public SegmentVerifier.Report verify(
            String id,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String stream) {
        String key = cameras.requireStream(id, stream);
        TimeRange range = TimeRange.parse(start, end);
        Duration length = Duration.between(range.start(), range.end());
        if (length.compareTo(maxRange) > 0) {
            throw new VigilException(
                    ErrorCode.INVALID_RANGE,
                    "a verify request covers at most " + maxRange.toHours()
                            + " h (vigil.playback.max-verify-range); this one covers " + length.toHours()
                            + " h: split it");
        }
        return verifier.verify(key, range);
    }
}
