package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioTrackTest {

    /** AudioSpecificConfigs as cameras' SDPs give them ({@code config=}), and one of each escape. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1190,           2 48000 2", // AAC-LC 48 kHz stereo
        "1588,           2 8000 1", // AAC-LC 8 kHz mono: Hikvision, Dahua defaults
        "1408,           2 16000 1",
        "1210,           2 44100 2",
        "1608,           2 7350 1",
        "11b8,           2 48000 8", // channelConfiguration 7: 7.1
        "17801f4008,     2 16000 1", // an explicit 24-bit sampling rate
        "f8e620,         39 48000 1" // an escaped object type (32 + 7: ER AAC ELD)
    })
    void readsObjectTypeSampleRateAndChannels(String hex, String expected) {
        AudioTrack track = AudioTrack.aac(HexFormat.of().parseHex(hex));
        assertEquals(expected, track.audioObjectType() + " " + track.sampleRateHertz() + " " + track.channelCount());
        assertEquals(hex.length() / 2, track.audioSpecificConfig().remaining());
    }

    @ParameterizedTest
    @CsvSource({
        "11", // ends before the channels
        "1688", // reserved sampling frequency index 13
        "1180", // channels left to a program config element
        "11c0", // channelConfiguration 8
        "1780000008" // an explicit rate of 0 Hz
    })
    void refusesWhatItCannotRead(String hex) {
        MediaException e = assertThrows(
                MediaException.class, () -> AudioTrack.aac(HexFormat.of().parseHex(hex)));
        assertEquals(MediaError.MALFORMED_AAC, e.error());
    }
}
