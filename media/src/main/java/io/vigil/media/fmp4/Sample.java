package io.vigil.media.fmp4;

import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One access unit or audio frame as a fragment stores it (glossary: sample): its bytes, how they are framed in
 * {@code mdat}, its duration and composition offset in its track's ticks, and whether it is a sync sample (a keyframe;
 * every audio frame is one). The bytes are the caller's, not copied: {@link Fragment#bytes()} copies them once.
 */
public record Sample(
        List<ByteBuffer> data, Framing framing, long durationTicks, boolean keyframe, int compositionOffsetTicks) {

    /** How a sample's pieces of data are laid out in {@code mdat}. */
    public enum Framing {
        /** Each NAL unit after its 4-byte length (AVCC; {@code lengthSizeMinusOne} 3 in {@code avcC}/{@code hvcC}). */
        LENGTH_PREFIXED,
        /** As they are, one after another: an audio frame's raw bytes. */
        RAW
    }

    private static final int LENGTH_BYTES = 4;

    public Sample {
        data = List.copyOf(data);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("a sample holds data, no piece empty");
        }
        for (ByteBuffer piece : data) {
            if (!piece.hasRemaining()) {
                throw new IllegalArgumentException("a sample holds data, no piece empty");
            }
        }
        if (durationTicks <= 0 || durationTicks > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a sample's duration is 1 to 2^32-1 ticks: " + durationTicks);
        }
        if (framing == Framing.RAW && compositionOffsetTicks != 0) {
            throw new IllegalArgumentException("an audio sample is presented when decoded");
        }
    }

    /**
     * The sample of an access unit lasting {@code durationTicks} (90 kHz, to the next one's decode time), presented
     * {@code compositionOffsetTicks} after it is decoded (negative for a picture shown before the one decoded after it
     * when the fragment's decode times are shifted so that presentation starts at its base; 0 without B-frames).
     * Without the codec's parameter sets and access unit delimiters: the parameter sets belong in the init segment, so
     * that segments with the same ones share it. Empty when nothing else is left: a unit of parameter sets alone is not
     * a picture, and its time belongs to the sample before it.
     */
    public static Optional<Sample> video(
            AccessUnit unit, long durationTicks, int compositionOffsetTicks, VideoCodec codec) {
        List<ByteBuffer> nals = unit.nalUnits();
        List<ByteBuffer> kept = new ArrayList<>(nals.size());
        for (ByteBuffer nal : nals) { // a loop, not a stream: this runs for every picture of every camera
            if (codec.belongsInSample(nal)) {
                kept.add(nal);
            }
        }
        return kept.isEmpty()
                ? Optional.empty()
                : Optional.of(new Sample(
                        kept, Framing.LENGTH_PREFIXED, durationTicks, unit.keyframe(), compositionOffsetTicks));
    }

    /** The sample of an audio frame lasting {@code durationTicks} (one tick a sample: 1024 for AAC-LC). */
    public static Sample audio(AudioFrame frame, long durationTicks) {
        return new Sample(List.of(frame.bytes()), Framing.RAW, durationTicks, true, 0);
    }

    /** Its size in {@code mdat}. */
    public long sizeBytes() {
        long size = framing == Framing.LENGTH_PREFIXED ? (long) LENGTH_BYTES * data.size() : 0;
        for (ByteBuffer piece : data) {
            size += piece.remaining();
        }
        return size;
    }

    /** Copies its bytes into {@code mdat}: the one copy they make on the way out. */
    void writeTo(ByteBuffer mdat) {
        for (ByteBuffer piece : data) {
            if (framing == Framing.LENGTH_PREFIXED) {
                mdat.putInt(piece.remaining());
            }
            mdat.put(mdat.position(), piece, piece.position(), piece.remaining());
            mdat.position(mdat.position() + piece.remaining());
        }
    }
}
