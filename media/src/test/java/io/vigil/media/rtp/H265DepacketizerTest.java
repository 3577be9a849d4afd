package io.vigil.media.rtp;

import static io.vigil.media.rtp.H264DepacketizerTest.assertAccessUnits;
import static io.vigil.media.rtp.H264DepacketizerTest.push;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.media.sdp.H265Parameters;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * H.265 NAL unit headers in the packets below (type, layer 0, TID 1): 0201 a trailing picture (1), 2601 IDR (19),
 * 2a01 CRA (21), 2c01 reserved (22, not IRAP), 4001/4201/4401 VPS/SPS/PPS, 6001 AP (48), 6201 FU (49), 6401 PACI (50).
 */
class H265DepacketizerTest {

    private static final H265Parameters NO_SDP_SETS =
            new H265Parameters(Optional.empty(), Optional.empty(), Optional.empty());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // packets: seq ts marker payload                            | access units out (/ between)   | damaged
                // | lost
                "single NAL units, marker      | 1 3000 - 4e01aa; 2 3000 M 0201bb                          | 3000 4e01aa 0201bb | 0 | 0",
                "AP of 3 then FU start/middle/end | 1 0 - 6001000440010c0100044201010100034401c1; 2 0 - 620193aabb; 3 0 - 620113ccdd; 4 0 M 620153eeff | 0 key 40010c01 42010101 4401c1 2601aabbccddeeff sets 40010c01,42010101,4401c1 | 0 | 0",
                "AP of 2                       | 1 0 M 600100030201aa00030201bb                            | 0 0201aa 0201bb | 0 | 0",
                "lost FU middle, next intact   | 10 0 - 620193aa; 12 0 M 620153cc; 13 3600 M 020188        | 3600 020188 | 1 | 1",
                "timestamp change ends a unit  | 1 0 - 020101; 2 0 - 020102; 3 3600 - 020103; 4 7200 - 020104 | 0 020101 020102 / 3600 020103 | 0 | 0",
                "IRAP types 16-21 are keyframes | 1 0 M 2001aa; 2 3600 M 2a01bb; 3 7200 M 2c01cc           | 0 key 2001aa / 3600 key 2a01bb / 7200 2c01cc | 0 | 0",
                "Annex-B start codes inside    | 1 0 M 40010c0100000142010101000000014401c1000001260188     | 0 key 40010c01 42010101 4401c1 260188 sets 40010c01,42010101,4401c1 | 0 | 0",
                "FU end without its start      | 1 0 - 620153aa; 2 0 M 020102; 3 3600 M 020103             | 3600 020103 | 1 | 0",
                "FU start and end bits both    | 1 0 M 6201d3aa; 2 3600 M 020103                           | 3600 020103 | 1 | 0",
                "marker inside a FU            | 1 0 M 620193aa; 2 3600 M 020103                           | 3600 020103 | 1 | 0",
                "FU start after an open one    | 1 0 - 620193aa; 2 0 M 620193bb; 3 3600 M 020103           | 3600 020103 | 1 | 0",
                "FU of an FU                   | 1 0 M 6201b1aa; 2 3600 M 020103                           | 3600 020103 | 1 | 0",
                "AP size past its end          | 1 0 M 600100094001; 2 3600 M 020103                       | 3600 020103 | 1 | 0",
                "AP holding a FU               | 1 0 M 600100036201; 2 3600 M 020103                       | 3600 020103 | 1 | 0",
                "AP NAL unit shorter than a header | 1 0 M 6001000102; 2 3600 M 020103                     | 3600 020103 | 1 | 0",
                "PACI is not read              | 1 0 M 6401aa; 2 3600 M 020103                             | 3600 020103 | 1 | 0",
                "payload shorter than a header | 1 0 M 02; 2 3600 M 020103                                 | 3600 020103 | 1 | 0",
                "forbidden bit set             | 1 0 M 8201aa; 2 3600 M 020103                             | 3600 020103 | 1 | 0",
                "lost packet at a unit's end   | 1 0 - 020101; 3 3600 M 020103; 4 7200 M 020104            | 7200 020104 | 2 | 1",
                "empty and undefined payloads  | 1 0 -; 2 0 - 6601aa; 3 0 M 020101                         | 0 020101 | 0 | 0"
            })
    void accessUnitsFromPackets(String scenario, String packets, String units, long damaged, long lost) {
        assertAccessUnits(
                new H265Depacketizer(NO_SDP_SETS, NalDepacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES),
                scenario,
                packets,
                units,
                damaged,
                lost);
    }

    @Test
    void theSdpsParameterSetsUntilTheStreamSendsItsOwn() {
        H265Parameters sdp = new H265Parameters(
                Optional.of(HexFormat.of().parseHex("40010c")),
                Optional.of(HexFormat.of().parseHex("420101")),
                Optional.of(HexFormat.of().parseHex("4401c0")));
        H265Depacketizer depacketizer = new H265Depacketizer(sdp, NalDepacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
        assertEquals(
                List.of("0 key 2601aa sets 40010c,420101,4401c0", "3600 key 4201ee 2601bb sets 40010c,4201ee,4401c0"),
                push(depacketizer, "1 0 M 2601aa; 2 3600 - 4201ee; 3 3600 M 2601bb"));
    }

    @Test
    void anAccessUnitPastTheBoundIsDroppedAndTheNextIsWhole() {
        String nal = "0201" + "ab".repeat(598); // 600 bytes (0258)
        assertAccessUnits(
                new H265Depacketizer(NO_SDP_SETS, 1024),
                "an AP of two 600-byte NAL units",
                "1 0 M 60010258" + nal + "0258" + nal + "; 2 3600 M 020103",
                "3600 020103",
                1,
                0);
    }
}
