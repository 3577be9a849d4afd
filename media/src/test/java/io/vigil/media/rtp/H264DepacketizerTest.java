package io.vigil.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.media.sdp.H264Parameters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H264DepacketizerTest {

    private static final H264Parameters NO_SDP_SETS =
            new H264Parameters(1, Optional.empty(), Optional.empty(), Optional.empty());

    /** {@code "seq timestamp M|- payload-hex"}: one RTP packet, marker set or not. */
    static RtpPacket packet(String text) {
        String[] fields = text.trim().split("\\s+");
        byte[] payload = fields.length > 3 ? HexFormat.of().parseHex(fields[3]) : new byte[0];
        return new RtpPacket(
                fields[2].equals("M"),
                96,
                Integer.parseInt(fields[0]),
                Long.parseLong(fields[1]),
                1,
                ByteBuffer.wrap(payload).asReadOnlyBuffer());
    }

    static String hex(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return HexFormat.of().formatHex(copy);
    }

    /** An access unit in words: {@code "3000 key 6742 68ce 6588 sets 6742,68ce"}. */
    static String describe(AccessUnit unit) {
        return unit.rtpTimestamp()
                + (unit.keyframe() ? " key " : " ")
                + unit.nalUnits().stream().map(H264DepacketizerTest::hex).collect(Collectors.joining(" "))
                + (unit.parameterSets().isEmpty()
                        ? ""
                        : " sets "
                                + unit.parameterSets().stream()
                                        .map(H264DepacketizerTest::hex)
                                        .collect(Collectors.joining(",")));
    }

    static List<String> push(NalDepacketizer depacketizer, String packets) {
        List<String> units = new ArrayList<>();
        for (String text : packets.split(";")) {
            depacketizer.push(packet(text), unit -> units.add(describe(unit)));
        }
        return units;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // packets: seq ts marker payload                            | access units out (/ between)   | damaged
                // | lost
                "single NAL units, marker      | 1 3000 - 09f0; 2 3000 M 419a01                           | 3000 09f0 419a01 | 0 | 0",
                "STAP-A then FU-A start/middle/end | 1 0 - 18000467420029000368ce38; 2 0 - 7c85aabb; 3 0 - 7c05ccdd; 4 0 M 7c45eeff | 0 key 67420029 68ce38 65aabbccddeeff sets 67420029,68ce38 | 0 | 0",
                "lost FU-A middle, next intact | 10 0 - 7c85aa; 12 0 M 7c45cc; 13 3600 M 4188              | 3600 4188 | 1 | 1",
                "timestamp change ends a unit  | 1 0 - 4101; 2 0 - 4102; 3 3600 - 4103; 4 7200 - 4104      | 0 4101 4102 / 3600 4103 | 0 | 0",
                "Annex-B start codes inside    | 1 0 M 674200290000000168ce3800000165888400                 | 0 key 67420029 68ce38 658884 sets 67420029,68ce38 | 0 | 0",
                "sequence wraps without a gap  | 65535 0 M 4101; 0 3600 M 4102                             | 0 4101 / 3600 4102 | 0 | 0",
                "FU-A end without its start    | 1 0 - 7c45aa; 2 0 M 4102; 3 3600 M 4103                   | 3600 4103 | 1 | 0",
                "FU-A start and end bits both  | 1 0 M 7cc5aa; 2 3600 M 4103                               | 3600 4103 | 1 | 0",
                "marker inside a FU-A          | 1 0 M 7c85aa; 2 3600 M 4103                               | 3600 4103 | 1 | 0",
                "FU-A start after an open one  | 1 0 - 7c85aa; 2 0 M 7c85bb; 3 3600 M 4103                 | 3600 4103 | 1 | 0",
                "STAP-A size past its end      | 1 0 M 1800096742; 2 3600 M 4103                           | 3600 4103 | 1 | 0",
                "STAP-A holding a FU-A         | 1 0 M 1800027c85; 2 3600 M 4103                           | 3600 4103 | 1 | 0",
                "FU-B and MTAP are mode 2 only | 1 0 M 1d85aa; 2 3600 M 1a0000; 3 7200 M 4103             | 7200 4103 | 2 | 0",
                "forbidden bit set             | 1 0 M c101; 2 3600 M 4103                                 | 3600 4103 | 1 | 0",
                "lost packet after a marker    | 1 0 M 4101; 3 3600 M 4103; 4 7200 M 4104                  | 0 4101 / 7200 4104 | 1 | 1",
                "lost packet at a unit's end   | 1 0 - 4101; 3 3600 M 4103; 4 7200 M 4104                  | 7200 4104 | 2 | 1",
                "empty and undefined payloads  | 1 0 -; 2 0 - 1e01; 3 0 M 4101                             | 0 4101 | 0 | 0",
                "timestamps wrap around        | 1 4294964296 M 4101; 2 3000 M 4102                        | 4294964296 4101 / 4294970296 4102 | 0 | 0"
            })
    void accessUnitsFromPackets(String scenario, String packets, String units, long damaged, long lost) {
        assertAccessUnits(
                new H264Depacketizer(NO_SDP_SETS, H264Depacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES),
                scenario,
                packets,
                units,
                damaged,
                lost);
    }

    /** One row of a table: the access units {@code packets} give, and how many were damaged and lost. */
    static void assertAccessUnits(
            NalDepacketizer depacketizer, String scenario, String packets, String units, long damaged, long lost) {
        assertEquals(List.of(units.split(" / ")), push(depacketizer, packets), scenario);
        assertEquals(damaged, depacketizer.damagedAccessUnits(), scenario + ": damaged");
        assertEquals(lost, depacketizer.lostPackets(), scenario + ": lost");
    }

    @Test
    void aLossBeforeTheFirstPacketCountsWhenTheFirstSequenceIsKnown() {
        H264Depacketizer depacketizer =
                new H264Depacketizer(NO_SDP_SETS, H264Depacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
        depacketizer.expectFirstSequence(65535);
        assertEquals(List.of("3600 4103"), push(depacketizer, "0 0 M 4102; 1 3600 M 4103"));
        assertEquals(1, depacketizer.lostPackets());
        assertEquals(1, depacketizer.damagedAccessUnits());
    }

    @Test
    void theSdpsParameterSetsUntilTheStreamSendsItsOwn() {
        H264Parameters sdp = new H264Parameters(
                1,
                Optional.of("42c01f"),
                Optional.of(HexFormat.of().parseHex("6742c01f")),
                Optional.of(HexFormat.of().parseHex("68ce3c80")));
        H264Depacketizer depacketizer = new H264Depacketizer(sdp, H264Depacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
        assertEquals(
                List.of("0 key 6588 sets 6742c01f,68ce3c80", "3600 key 67640028 68ee 6599 sets 67640028,68ee"),
                push(depacketizer, "1 0 M 6588; 2 3600 - 67640028; 3 3600 - 68ee; 4 3600 M 6599"));
    }

    @Test
    void anAccessUnitPastTheBoundIsDroppedAndTheNextIsWhole() {
        H264Depacketizer depacketizer = new H264Depacketizer(NO_SDP_SETS, 1024);
        String big = "7c85" + "ab".repeat(600);
        String more = "7c45" + "cd".repeat(600);
        assertEquals(List.of("3600 4103"), push(depacketizer, "1 0 - " + big + "; 2 0 M " + more + "; 3 3600 M 4103"));
        assertEquals(1, depacketizer.damagedAccessUnits());
    }

    @Test
    void aUnitsNalUnitsStayValidAfterTheNextUnit() {
        H264Depacketizer depacketizer =
                new H264Depacketizer(NO_SDP_SETS, H264Depacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
        List<AccessUnit> units = new ArrayList<>();
        ByteBuffer payload = ByteBuffer.wrap(HexFormat.of().parseHex("4101"));
        depacketizer.push(new RtpPacket(true, 96, 1, 0, 1, payload), units::add);
        payload.put(1, (byte) 0x77); // the packet's bytes are reused, as the decoder's buffer is
        depacketizer.push(packet("2 3600 M 4102"), units::add);
        assertEquals(
                List.of("0 4101", "3600 4102"),
                units.stream().map(H264DepacketizerTest::describe).toList());
    }
}
