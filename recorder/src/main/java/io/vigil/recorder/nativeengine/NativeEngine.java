package io.vigil.recorder.nativeengine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.vigil.camera.Camera;
import io.vigil.live.LiveEdges;
import io.vigil.media.MediaException;
import io.vigil.media.auth.Credentials;
import io.vigil.media.rtsp.client.RtspClient;
import io.vigil.media.rtsp.client.RtspSession;
import io.vigil.media.rtsp.client.RtspTarget;
import io.vigil.recorder.RecorderConfig;
import io.vigil.recorder.SegmentClock;
import io.vigil.recorder.StreamEngine;
import io.vigil.recorder.StreamError;
import io.vigil.recorder.StreamSession;
import io.vigil.recorder.connect.ConnectTarget;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native engine (glossary): the media library's RTSP client reads each camera over interleaved TCP on a small
 * event-loop group shared by every camera, its depacketizers assemble the frames, and {@link NativeSegmenter} writes
 * the fMP4 parts and segments, without FFmpeg. What it cannot record (another codec, B-frames, an unreadable
 * description) it says with {@link StreamError.Kind#NOT_NATIVE}, and the camera falls back to the FFmpeg engine.
 * Off with {@code vigil.recorder.native-engine: false}.
 */
@Singleton
@Requires(property = "vigil.recorder.native-engine", notEquals = "false")
public class NativeEngine implements StreamEngine {

    private static final Logger LOG = LoggerFactory.getLogger(NativeEngine.class);
    private static final Duration NO_KEEP_ALIVE_LIMIT = Duration.ofHours(1);

    private final RecorderConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LiveEdges liveEdges;
    private RtspClient client;

    public NativeEngine(RecorderConfig config, Clock clock, MeterRegistry meters, LiveEdges liveEdges) {
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.liveEdges = liveEdges;
    }

    @Override
    public Camera.Engine kind() {
        return Camera.Engine.NATIVE;
    }

    @Override
    public StreamSession open(
            String cameraId, ConnectTarget target, Camera.Transport transport, Duration connectTimeout)
            throws StreamError {
        RtspTarget rtsp;
        try {
            rtsp = new RtspTarget(
                    URI.create(target.url().value()),
                    target.username() == null
                            ? Optional.empty()
                            : Optional.of(new Credentials(
                                    target.username(), target.password() == null ? "" : target.password())),
                    connectTimeout,
                    connectTimeout,
                    config.stallTimeout(),
                    NO_KEEP_ALIVE_LIMIT,
                    "Vigil");
        } catch (IllegalArgumentException e) {
            throw new StreamError(
                    "the native engine cannot open this URL: " + e.getMessage(), StreamError.Kind.NOT_NATIVE, e);
        }
        NativeSession session = new NativeSession(
                cameraId,
                clock,
                meters,
                new SegmentClock(config.maxClockDrift()),
                config.segmentTargetMillis(),
                config.partTargetMillis(),
                liveEdges.edge(cameraId),
                () -> liveEdges.remove(cameraId));
        try {
            return play(rtsp, session, connectTimeout);
        } catch (StreamError e) {
            if (e.kind() == StreamError.Kind.NOT_NATIVE) {
                liveEdges.remove(cameraId); // the FFmpeg engine records it now: no live edge here
            }
            throw e;
        }
    }

    private NativeSession play(RtspTarget rtsp, NativeSession session, Duration connectTimeout) throws StreamError {
        CompletableFuture<RtspSession> opening = null;
        try {
            // the client bounds each step (connect, every request) by the connect timeout; this only guards it
            // a redirect stays on the address the connector checked: another host was never checked
            String checkedHost = rtsp.url().getHost();
            opening = client().open(rtsp, url -> checkedHost.equalsIgnoreCase(url.getHost()), session);
            opening.get(4 * connectTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (session.unrecordable() != null) {
                throw session.unrecordable();
            }
            session.firstPicture().get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return session;
        } catch (ExecutionException e) {
            session.close();
            if (session.unrecordable() != null) {
                throw session.unrecordable();
            }
            throw NativeErrors.of(e.getCause(), connectTimeout);
        } catch (TimeoutException e) {
            if (opening != null) {
                opening.cancel(false); // still connecting: the client closes it
            }
            session.close();
            throw new StreamError(
                    "the camera sent no picture within " + connectTimeout.toMillis() / 1000.0
                            + " s (vigil.recorder.connect-timeout)",
                    StreamError.Kind.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (opening != null) {
                opening.cancel(false);
            }
            session.close();
            throw new StreamError("interrupted while connecting", StreamError.Kind.UNREACHABLE);
        } catch (StreamError e) {
            session.close();
            throw e;
        }
    }

    private synchronized RtspClient client() {
        if (client == null) {
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            client = RtspClient.create(threads);
            LOG.info("Native engine: {} event-loop thread(s), {} transport", threads, client.transportName());
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** What a media library failure means for the camera. */
    static final class NativeErrors {
        private NativeErrors() {}

        static StreamError of(Throwable cause, Duration connectTimeout) {
            if (!(cause instanceof MediaException media)) {
                return new StreamError("the native engine failed: " + cause, StreamError.Kind.NOT_NATIVE, cause);
            }
            StreamError.Kind kind = switch (media.error()) {
                case UNAUTHORIZED -> StreamError.Kind.UNAUTHORIZED;
                case UNREACHABLE, TIMEOUT, CONNECTION_CLOSED -> StreamError.Kind.UNREACHABLE;
                case PROTOCOL -> StreamError.Kind.STREAM;
                default -> StreamError.Kind.NOT_NATIVE;
            };
            return new StreamError(words(media), kind, media.getMessage());
        }

        /**
         * A media failure in words for the camera's status: its message without the library's error code
         * ({@code UNREACHABLE: }), which the log keeps.
         */
        static String words(MediaException media) {
            String prefix = media.error() + ": ";
            String message = media.getMessage();
            return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        }
    }
}
