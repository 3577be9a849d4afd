package io.vigil.live;

/**
 * When a blocking playlist reload ({@code _HLS_msn}, {@code _HLS_part}) or a request for a part that does not exist
 * yet may be answered (RFC 8216bis §6.2.5.2). Pure: a snapshot and the request in, a {@link Decision} out.
 */
public final class BlockingReload {

    /** Segments past the newest a request may ask for (the RFC's "plus two"). */
    static final int MAX_SEGMENTS_AHEAD = 2;
    /** Parts a request may ask for within one segment: far more than any segment has. */
    static final int MAX_PART_INDEX = 1000;

    /** What to do with the request now. */
    public enum Decision {
        /** The edge holds what was asked for (or has moved past it): answer now. */
        ANSWER,
        /** Not there yet: wait for the edge to grow. */
        WAIT,
        /** Further ahead than the edge will be soon: 400. */
        TOO_FAR
    }

    private BlockingReload() {}

    /**
     * @param sequence the live sequence number asked for
     * @param part     the part asked for within it, or -1 for the whole segment
     */
    public static Decision decide(EdgeSnapshot edge, long sequence, int part) {
        if (sequence < 0 || part < -1 || part > MAX_PART_INDEX) {
            return Decision.TOO_FAR;
        }
        if (sequence > edge.lastSequence() + MAX_SEGMENTS_AHEAD) {
            return Decision.TOO_FAR;
        }
        long first =
                edge.isEmpty() ? edge.nextSequence() : edge.segments().get(0).sequence();
        if (sequence < first) {
            return Decision.ANSWER;
        }
        return edge.segment(sequence)
                .map(s -> s.complete() || (part >= 0 && s.hasPart(part)) ? Decision.ANSWER : Decision.WAIT)
                .orElse(Decision.WAIT);
    }
}
