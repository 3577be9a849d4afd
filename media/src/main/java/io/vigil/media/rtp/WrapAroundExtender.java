package io.vigil.media.rtp;

/**
 * Extends an RTP counter that wraps around (16-bit sequence numbers, 32-bit timestamps) into a 64-bit one: each
 * value is taken as the nearest to the previous one, forward or back, so a wrap from 2^n - 1 to 0 counts on and a
 * value a little before the previous one (a B-frame's timestamp) counts back. The first value is itself. Not
 * thread-safe: one per stream.
 */
public final class WrapAroundExtender {

    private final int bits;
    private final long modulus;
    private boolean started;
    private long previousRaw;
    private long previousExtended;

    private WrapAroundExtender(int bits) {
        this.bits = bits;
        this.modulus = 1L << bits;
    }

    /** For RTP timestamps (32 bits). */
    public static WrapAroundExtender timestamps() {
        return new WrapAroundExtender(32);
    }

    /** For RTP sequence numbers (16 bits). */
    public static WrapAroundExtender sequenceNumbers() {
        return new WrapAroundExtender(16);
    }

    /** {@code raw} (0 to 2^bits - 1) extended; a value out of that range is refused. */
    public long extend(long raw) {
        if (raw < 0 || raw >= modulus) {
            throw new IllegalArgumentException("not a " + bits + "-bit value: " + raw);
        }
        if (!started) {
            started = true;
            previousRaw = raw;
            previousExtended = raw;
            return raw;
        }
        long delta = (raw - previousRaw) & (modulus - 1);
        if (delta >= modulus / 2) {
            delta -= modulus;
        }
        previousRaw = raw;
        previousExtended += delta;
        return previousExtended;
    }
}
