package io.vigil.media.rtp;

/**
 * Gaps in one stream's RTP sequence numbers: which packet follows a loss, and how many packets were lost since the
 * start. A jump backwards (a repeat, a reorder) counts as one lost packet. Not thread-safe: one per stream.
 */
final class SequenceGaps {

    private int expected = -1;
    private long lostPackets;

    /** The sequence number the stream's first packet will have (the PLAY answer's RTP-Info {@code seq}). */
    void expectFirst(int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("an RTP sequence number is 16 bits: " + sequenceNumber);
        }
        expected = sequenceNumber;
    }

    /** Takes the next packet's sequence number; true when packets are missing before it. */
    boolean follows(int sequenceNumber) {
        boolean gap = expected >= 0 && sequenceNumber != expected;
        if (gap) {
            int missing = (sequenceNumber - expected) & 0xFFFF;
            lostPackets += missing < 0x8000 ? missing : 1;
        }
        expected = (sequenceNumber + 1) & 0xFFFF;
        return gap;
    }

    long lostPackets() {
        return lostPackets;
    }
}
