package io.vigil.media.fmp4;

import io.vigil.media.MediaError;
import java.nio.ByteBuffer;

/**
 * The AAC audio track of an init segment: its AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1, as the SDP's
 * {@code config=} gives it; its own read-only copy, written as it is into {@code esds}), and what the writer read of
 * it: the audio object type, the sampling rate (the track's timescale: one tick a sample) and the channel count.
 */
public record AudioTrack(ByteBuffer audioSpecificConfig, int audioObjectType, int sampleRateHertz, int channelCount) {

    /** Longer than any AudioSpecificConfig a camera sends (2 to 5 bytes); keeps {@code esds} small. */
    private static final int MAX_CONFIG_BYTES = 64;

    /** samplingFrequencyIndex 0 to 12; 13 and 14 are reserved, 15 means a 24-bit rate follows. */
    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };

    /** channelConfiguration 1 to 7; 0 (a program config element says) is not read. */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8};

    public AudioTrack {
        if (!audioSpecificConfig.hasRemaining() || audioSpecificConfig.remaining() > MAX_CONFIG_BYTES) {
            throw new IllegalArgumentException(
                    "an AudioSpecificConfig of " + audioSpecificConfig.remaining() + " bytes");
        }
        if (sampleRateHertz <= 0 || sampleRateHertz > 0xFF_FFFF || channelCount <= 0 || channelCount > 8) {
            throw new IllegalArgumentException(sampleRateHertz + " Hz, " + channelCount + " channels");
        }
        audioSpecificConfig = ByteBuffer.allocate(audioSpecificConfig.remaining())
                .put(audioSpecificConfig.duplicate())
                .flip()
                .asReadOnlyBuffer();
    }

    /**
     * The track of an AudioSpecificConfig ({@code AacParameters.audioSpecificConfig()}).
     *
     * @throws io.vigil.media.MediaException {@code MALFORMED_AAC}: it ends early, is longer than 64 bytes, names a
     *     reserved sampling frequency index, or leaves the channels to a program config element
     */
    public static AudioTrack aac(byte[] audioSpecificConfig) {
        BitReader in = new BitReader(audioSpecificConfig, MediaError.MALFORMED_AAC, "AudioSpecificConfig");
        if (audioSpecificConfig.length > MAX_CONFIG_BYTES) {
            throw in.malformed("an AudioSpecificConfig of " + audioSpecificConfig.length + " bytes");
        }
        int objectType = in.bits(5);
        if (objectType == 31) {
            objectType = 32 + in.bits(6);
        }
        int rateIndex = in.bits(4);
        if (rateIndex == 13 || rateIndex == 14) {
            throw in.malformed("reserved samplingFrequencyIndex " + rateIndex);
        }
        int sampleRate = rateIndex == 15 ? in.bits(24) : SAMPLE_RATES[rateIndex];
        int channelConfiguration = in.bits(4);
        if (channelConfiguration == 0 || channelConfiguration >= CHANNELS.length || sampleRate == 0) {
            throw in.malformed("channelConfiguration " + channelConfiguration + ", " + sampleRate + " Hz");
        }
        return new AudioTrack(
                ByteBuffer.wrap(audioSpecificConfig), objectType, sampleRate, CHANNELS[channelConfiguration]);
    }
}
