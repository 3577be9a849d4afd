package io.vigil.media.fmp4;

import io.vigil.media.rtp.AccessUnit;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One picture as a fragment stores it: its NAL units (each without start code; written length-prefixed, AVCC), its
 * duration and composition offset in the track's 90 kHz ticks, and whether it is a keyframe (a sync sample).
 */
public record Sample(List<ByteBuffer> nalUnits, long durationTicks, boolean keyframe, int compositionOffsetTicks) {

    private static final int SPS = 7;
    private static final int PPS = 8;
    private static final int ACCESS_UNIT_DELIMITER = 9;

    public Sample {
        nalUnits = List.copyOf(nalUnits);
        if (nalUnits.isEmpty() || nalUnits.stream().anyMatch(n -> !n.hasRemaining())) {
            throw new IllegalArgumentException("a sample holds NAL units, none empty");
        }
        if (durationTicks <= 0 || durationTicks > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a sample's duration is 1 to 2^32-1 ticks: " + durationTicks);
        }
    }

    /**
     * The sample of an access unit lasting {@code durationTicks} (to the next one's timestamp), without its SPS, PPS
     * and access unit delimiters: the parameter sets belong in the init segment's {@code avcC} (an {@code avc1} track),
     * so that segments with the same parameters share one init segment; a change of them makes a new init segment.
     */
    public static Sample of(AccessUnit unit, long durationTicks) {
        List<ByteBuffer> kept = unit.nalUnits().stream()
                .filter(n -> {
                    int type = n.get(n.position()) & 0x1F;
                    return type != SPS && type != PPS && type != ACCESS_UNIT_DELIMITER;
                })
                .toList();
        return new Sample(kept, durationTicks, unit.keyframe(), 0);
    }

    /** Its size in {@code mdat}: each NAL unit after a 4-byte length. */
    public long sizeBytes() {
        return nalUnits.stream().mapToLong(n -> 4L + n.remaining()).sum();
    }
}
