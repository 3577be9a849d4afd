package io.vigil.media.fmp4;

import io.vigil.media.rtp.AacDepacketizer;
import io.vigil.media.rtp.AudioFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test code: an AAC stream in ADTS (ISO/IEC 14496-3 1.A.2), as {@code ffmpeg -f adts} writes it, split into the raw
 * frames RTP would carry (one every 1024 samples), and the AudioSpecificConfig an SDP would give for it.
 */
@SuppressWarnings("ArrayRecordComponent") // test data, never compared
record Adts(byte[] audioSpecificConfig, List<AudioFrame> frames) {

    static Adts read(byte[] stream) {
        List<AudioFrame> frames = new ArrayList<>();
        byte[] config = null;
        int at = 0;
        while (at + 7 <= stream.length) {
            if ((stream[at] & 0xFF) != 0xFF || (stream[at + 1] & 0xF0) != 0xF0) {
                throw new IllegalArgumentException("no ADTS sync word at " + at);
            }
            int headerBytes = (stream[at + 1] & 1) == 1 ? 7 : 9; // protection_absent, else a CRC follows
            int objectType = (stream[at + 2] >> 6 & 3) + 1;
            int rateIndex = stream[at + 2] >> 2 & 0xF;
            int channels = (stream[at + 2] & 1) << 2 | (stream[at + 3] >> 6 & 3);
            int frameBytes = (stream[at + 3] & 3) << 11 | (stream[at + 4] & 0xFF) << 3 | (stream[at + 5] & 0xFF) >> 5;
            config =
                    new byte[] {(byte) (objectType << 3 | rateIndex >> 1), (byte) ((rateIndex & 1) << 7 | channels << 3)
                    };
            long timestamp = (long) frames.size() * AacDepacketizer.SAMPLES_PER_FRAME;
            frames.add(new AudioFrame(
                    timestamp,
                    ByteBuffer.wrap(stream, at + headerBytes, frameBytes - headerBytes)
                            .slice()));
            at += frameBytes;
        }
        return new Adts(config, frames);
    }
}
