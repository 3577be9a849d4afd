package io.vigil.recorder;

import io.micronaut.core.annotation.Nullable;

/**
 * One open connection of a {@link StreamEngine} to a camera: the stream's facts for the camera's status and the
 * recording session's row, then {@link #run} to record it. Not thread-safe but for {@link #requestStop}.
 */
public interface StreamSession extends AutoCloseable {

    /** The video codec as the index and status name it: {@code h264} or {@code hevc}. */
    String videoCodec();

    /** The recorded audio codec ({@code aac}), or null without recorded audio. */
    @Nullable
    String audioCodec();

    /** Video width x height, e.g. {@code 1920x1080}. */
    String resolution();

    /** An audio codec the camera sends that is not recorded (only AAC is), or null. */
    @Nullable
    String ignoredAudioCodec();

    /**
     * Records the stream into {@code context} until it ends, fails, stalls ({@link RecorderConfig#stallTimeout()})
     * or is stopped; the segment in progress is stored and the session's row closed.
     *
     * @return why the session ended, for the camera's status ("stream ended", "no packet for 10 s", ...)
     * @throws StreamError if the stream cannot be recorded at all (e.g. {@link StreamError.Kind#NOT_NATIVE})
     */
    String run(SessionContext context) throws StreamError;

    /** Makes {@link #run} return soon, its blocking calls at once; safe from any thread, before or during the run. */
    void requestStop();

    /** Segments handed to the archive so far. */
    long segments();

    /** Packets or frames whose timestamps had to be repaired so far, all tracks. */
    int timestampRepairs();

    /** Releases the connection (the RTSP TEARDOWN is bounded in time); never throws. */
    @Override
    void close();
}
