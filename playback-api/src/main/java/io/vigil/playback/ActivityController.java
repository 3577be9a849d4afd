package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.index.MinuteTotal;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.camera.RecordedCameras;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.TimeRange;
import io.vigil.playback.activity.Activity;
import io.vigil.playback.activity.ActivitySample;
import io.vigil.playback.activity.ActivitySeries;
import java.time.Instant;
import java.util.List;

/**
 * {@code activity}: a camera stream's activity series over a range ({@link ActivitySeries}), from the index alone:
 * its segments' sizes for a range up to an hour, its minute totals for a longer one, and the minute totals of the
 * 24 h before the range's end for its recent median. The same checks as the timeline, which viewers see too.
 */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ActivityController {

    private final RecordedCameras cameras;
    private final ArchiveReader archive;
    private final PlaybackConfig config;

    public ActivityController(RecordedCameras cameras, ArchiveReader archive, PlaybackConfig config) {
        this.cameras = cameras;
        this.archive = archive;
        this.config = config;
    }

    @Get("/activity")
    public Activity activity(
            String id,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String buckets,
            @Nullable @QueryValue String stream) {
        String key = cameras.requireStream(id, stream);
        TimeRange range = TimeRange.parse(start, end);
        HistoryController.requireWithinLimit(range, config);
        int count = ActivitySeries.bucketCount(buckets, range);
        ActivitySeries.Resolution resolution = ActivitySeries.Resolution.of(range);
        Instant minutesFrom = range.end().minus(ActivitySeries.MEDIAN_WINDOW);
        if (resolution == ActivitySeries.Resolution.MINUTE && range.start().isBefore(minutesFrom)) {
            minutesFrom = range.start();
        }
        List<ActivitySample> minutes =
                archive.minutes(key, new TimeRange(max(minutesFrom, TimeRange.EARLIEST), range.end())).stream()
                        .map(ActivityController::sample)
                        .toList();
        List<ActivitySample> samples = resolution == ActivitySeries.Resolution.MINUTE
                ? minutes
                : archive.sized(key, range).stream()
                        .map(s -> new ActivitySample(s.startMillis(), s.endMillis(), s.sizeBytes(), s.durationMillis()))
                        .toList();
        Long median = ActivitySeries.recentMedianBitsPerSecond(range.end(), minutes);
        return new Activity(
                id,
                StreamName.require("stream", stream).param(),
                range.start(),
                range.end(),
                resolution,
                median,
                ActivitySeries.buckets(range, count, samples, median));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static ActivitySample sample(MinuteTotal m) {
        return new ActivitySample(
                m.minuteMillis(), m.minuteMillis() + MinuteTotal.MINUTE_MILLIS, m.sizeBytes(), m.durationMillis());
    }
}
