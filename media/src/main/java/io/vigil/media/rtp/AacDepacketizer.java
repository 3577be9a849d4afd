package io.vigil.media.rtp;

import io.vigil.media.sdp.AacParameters;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts AAC audio frames back together from one stream's RTP packets (RFC 3640, mode AAC-hbr): several whole AUs in a
 * packet, the i-th at the packet's timestamp + i × 1024 samples, or one AU fragmented over packets sharing a
 * timestamp, the last with the marker bit. A lost packet may have held any fragment of an AU: from a loss to the next
 * marker, fragments are skipped, and an AU they belong to is damaged: dropped and counted once
 * ({@link #damagedFrames()}). A payload whose AU headers do not describe its bytes is refused ({@link AuHeaders}) and
 * then counts as a lost packet. Bounded: an AU is at most 2^sizelength - 1 bytes (64 KiB), allocated once. Not
 * thread-safe: one per stream.
 */
public final class AacDepacketizer {

    /** Samples per AAC frame (AAC-LC): the RTP timestamp step from one AU to the next. */
    public static final int SAMPLES_PER_FRAME = 1024;

    private final AacParameters format;
    private final WrapAroundExtender timestamps = WrapAroundExtender.timestamps();
    private final SequenceGaps gaps = new SequenceGaps();
    private byte[] fragment;
    private int fragmentFilledBytes;
    private long fragmentTimestamp;
    private boolean skippingToMarker;
    private boolean skippedFragment;
    private long damagedFrames;

    public AacDepacketizer(AacParameters format) {
        this.format = format;
    }

    /** As {@link NalDepacketizer#expectFirstSequence}. */
    public void expectFirstSequence(int sequenceNumber) {
        gaps.expectFirst(sequenceNumber);
    }

    /**
     * Takes the stream's next packet; hands {@code sink} the frames it completes, in order.
     *
     * @throws io.vigil.media.MediaException {@code MALFORMED_AAC}: its AU headers do not describe its bytes (no frame
     *     of it is handed on)
     */
    public void push(RtpPacket packet, Consumer<? super AudioFrame> sink) {
        long timestamp = timestamps.extend(packet.timestamp());
        if (gaps.follows(packet.sequenceNumber())) {
            lose();
        }
        AuHeaders headers;
        try {
            headers = AuHeaders.read(format, packet.payload());
        } catch (RuntimeException refused) {
            lose();
            if (packet.marker()) {
                endSkipping();
            }
            throw refused;
        }
        List<Integer> sizes = headers.sizesBytes();
        ByteBuffer data = headers.data();
        if (fragment != null) {
            if (continues(sizes, data, timestamp)) {
                readNextFragment(data, packet.marker(), sink);
                return;
            }
            fragment = null; // another AU before this one's end
            damagedFrames++;
        }
        if (headers.fragmentary()) {
            readFirstFragment(sizes.get(0), data, timestamp, packet.marker());
            return;
        }
        endSkipping();
        for (int i = 0; i < sizes.size(); i++) {
            byte[] frame = new byte[sizes.get(i)];
            data.get(frame);
            sink.accept(new AudioFrame(timestamp + (long) i * SAMPLES_PER_FRAME, ByteBuffer.wrap(frame)));
        }
    }

    /** AUs dropped as damaged, since the start. */
    public long damagedFrames() {
        return damagedFrames;
    }

    /** Packets missing between those received, since the start. */
    public long lostPackets() {
        return gaps.lostPackets();
    }

    private void readFirstFragment(int sizeBytes, ByteBuffer data, long timestamp, boolean marker) {
        if (skippingToMarker) {
            skippedFragment = true;
            if (marker) {
                endSkipping();
            }
        } else if (marker) {
            damagedFrames++; // a last fragment without its start, or an AU ending before its size
        } else {
            fragment = new byte[sizeBytes];
            fragmentFilledBytes = data.remaining();
            fragmentTimestamp = timestamp;
            data.get(fragment, 0, fragmentFilledBytes);
        }
    }

    private void readNextFragment(ByteBuffer data, boolean marker, Consumer<? super AudioFrame> sink) {
        int bytes = data.remaining();
        data.get(fragment, fragmentFilledBytes, bytes);
        fragmentFilledBytes += bytes;
        if (fragmentFilledBytes == fragment.length) {
            AudioFrame frame = new AudioFrame(fragmentTimestamp, ByteBuffer.wrap(fragment));
            fragment = null;
            sink.accept(frame);
        } else if (marker) {
            fragment = null; // the last fragment, and bytes still missing
            damagedFrames++;
        }
    }

    private boolean continues(List<Integer> sizes, ByteBuffer data, long timestamp) {
        return sizes.size() == 1
                && sizes.get(0) == fragment.length
                && timestamp == fragmentTimestamp
                && fragmentFilledBytes + data.remaining() <= fragment.length;
    }

    /** A packet lost (or refused): the AU being assembled is damaged, and fragments are skipped up to a marker. */
    private void lose() {
        if (fragment != null) {
            fragment = null;
            skippedFragment = true;
        }
        skippingToMarker = true;
    }

    private void endSkipping() {
        if (skippedFragment) {
            damagedFrames++;
        }
        skippingToMarker = false;
        skippedFragment = false;
    }
}
