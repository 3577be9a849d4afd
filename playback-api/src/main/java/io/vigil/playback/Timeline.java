package io.vigil.playback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * What was recorded in a range: spans of continuous recording and the gaps between them.
 *
 * @param cameraId camera
 * @param start    range start
 * @param end      range end (exclusive)
 * @param spans    recorded, oldest first
 * @param gaps     not recorded, oldest first
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Timeline(String cameraId, Instant start, Instant end, List<TimeRange> spans, List<TimeRange> gaps) {}
