package io.vigil.playback.snapshot;

import io.vigil.archive.index.Segment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.SegmentBytes;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A JPEG of the frame at or just before an instant: decodes only from the keyframe that starts the
 * segment holding the instant up to that frame.
 */
@Singleton
public class SnapshotMaker {

    private final ArchiveReader archive;
    private final SegmentBytes bytes;

    public SnapshotMaker(ArchiveReader archive, SegmentBytes bytes) {
        this.archive = archive;
        this.bytes = bytes;
    }

    /** @param at the instant, or null for the newest frame */
    public byte[] jpeg(String cameraId, Instant at) {
        return jpeg(cameraId, at, null);
    }

    /**
     * @param at    the instant, or null for the newest frame
     * @param width the width to scale it down to, or null for the frame's own
     */
    public byte[] jpeg(String cameraId, Instant at, SnapshotWidth width) {
        List<Segment> run = archive.upTo(cameraId, at);
        if (run.isEmpty()) {
            throw new VigilException(
                    ErrorCode.NO_RECORDINGS,
                    "camera " + cameraId + " has no recording " + (at == null ? "yet" : "at " + at));
        }
        Segment first = run.get(0);
        long targetMicros = at == null
                ? Long.MAX_VALUE
                : Duration.between(first.start(), at).toNanos() / 1000;
        ByteArrayOutputStream media = new ByteArrayOutputStream();
        media.writeBytes(bytes.readAll(archive.initSegment(cameraId, first.initKey())
                .orElseThrow(() -> new VigilException(
                        ErrorCode.SEGMENT_NOT_FOUND, "init segment " + first.initKey() + " is missing"))));
        for (Segment s : run) {
            media.writeBytes(bytes.readAll(archive.locate(s)));
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(media.toByteArray()), 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setFormat("mp4");
            grabber.setVideoOption("threads", "1");
            grabber.start();
            BufferedImage chosen = null;
            long firstTimestamp = Long.MIN_VALUE;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (firstTimestamp == Long.MIN_VALUE) {
                    firstTimestamp = frame.timestamp;
                }
                if (chosen != null && frame.timestamp - firstTimestamp > targetMicros) {
                    break;
                }
                chosen = copy(converter.convert(frame), width);
            }
            grabber.stop();
            if (chosen == null) {
                throw new VigilException(
                        ErrorCode.NO_RECORDINGS, "no decodable frame near " + (at == null ? "now" : at));
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(chosen, "jpg", jpeg);
            return jpeg.toByteArray();
        } catch (IOException e) {
            throw new VigilException(ErrorCode.INTERNAL, "cannot decode a snapshot: " + e.getMessage(), e);
        }
    }

    /** The frame copied out of the converter's reused image, scaled down to {@code width} if given. */
    private static BufferedImage copy(BufferedImage image, SnapshotWidth width) {
        int[] size = width == null
                ? new int[] {image.getWidth(), image.getHeight()}
                : width.scale(image.getWidth(), image.getHeight());
        BufferedImage copy = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, size[0], size[1], null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }
}
