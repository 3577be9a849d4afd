package io.vigil.kernel.hook;

import io.netty.buffer.ByteBuf;
import io.vigil.kernel.TimeRange;
import java.io.IOException;
import java.util.List;

/**
 * Exports of recorded footage for a feature that packages them (an incident's package): a stream's clip over a range,
 * read part by part, exactly the file {@code GET /api/cameras/{id}/clip.mp4} serves, with its signed manifest.
 * Playback implements it; every service has playback, so there is no stand-in.
 */
public interface FootageExports {

    /**
     * Opens the clip of {@code streamKey} over {@code range}: 400 {@code INVALID_RANGE} past the longest clip, 404
     * {@code NO_RECORDINGS} when nothing was recorded in it, 409 {@code FORMAT_CHANGE} when its codecs change within it.
     * The caller closes it.
     */
    Clip open(String streamKey, TimeRange range);

    /** The Ed25519 signature of {@code content} with the export-signing key (64 bytes). */
    byte[] sign(byte[] content);

    /** The export-signing public key as PEM, what {@code GET /api/keys/export-signing} serves. */
    String publicKeyPem();

    /** One clip being read. */
    interface Clip extends AutoCloseable {

        /** The file name {@code clip.mp4} suggests (camera and range in it). */
        String fileName();

        /** The parts of the range with no recording. */
        List<TimeRange> gaps();

        /**
         * The next part of the file (the init segment, then each media segment), which the caller now owns and
         * releases; null after the last. Blocks while it is being read.
         */
        ByteBuf nextPart() throws IOException;

        /**
         * The clip's manifest, the exact bytes to sign, as {@code GET .../clip.manifest} gives it, once every part was
         * read: {@code sha256Hex} and {@code sizeBytes} are those of the bytes read.
         */
        byte[] manifest(String sha256Hex, long sizeBytes);

        /** Stops reading; releases what was read ahead. */
        @Override
        void close();
    }
}
