package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The init segment (glossary) of one H.264 video track: {@code ftyp} (iso5, compatible iso5/iso6/mp41) and a
 * {@code moov} with an empty sample table, the {@code avc1}/{@code avcC} sample description built from the SPS and
 * PPS, a 90 kHz media timescale, and {@code mvex}/{@code trex} announcing fragments.
 */
public final class InitSegment {

    /** The one track's ID, in {@code tkhd}, {@code trex} and every fragment's {@code tfhd}. */
    public static final int TRACK_ID = 1;
    /** Ticks per second of the video track: RTP's H.264 clock, so RTP timestamps are decode times as they are. */
    public static final int VIDEO_TIMESCALE = 90_000;

    private static final int MOVIE_TIMESCALE = 1000;
    private static final int[] UNITY_MATRIX = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};

    private InitSegment() {}

    /** The init segment for these parameter sets (an SPS and a PPS at least, as {@code AccessUnit.parameterSets}). */
    public static byte[] h264(List<ByteBuffer> parameterSets) {
        List<ByteBuffer> spss = ofType(parameterSets, 7);
        List<ByteBuffer> ppss = ofType(parameterSets, 8);
        if (spss.isEmpty() || ppss.isEmpty()) {
            throw H264Sps.malformed("an init segment needs an SPS and a PPS");
        }
        if (spss.size() > 31 || ppss.size() > 255 || parameterSets.stream().anyMatch(n -> n.remaining() > 0xFFFF)) {
            throw H264Sps.malformed("avcC holds up to 31 SPSs and 255 PPSs of up to 65535 bytes each");
        }
        H264Sps sps = H264Sps.parse(spss.get(0));
        BoxWriter out = new BoxWriter();
        out.box("ftyp")
                .fourCc("iso5")
                .u32(512)
                .fourCc("iso5")
                .fourCc("iso6")
                .fourCc("mp41")
                .end();
        out.box("moov");
        mvhd(out);
        out.box("trak");
        tkhd(out, sps);
        out.box("mdia");
        out.fullBox("mdhd", 0, 0)
                .u32(0)
                .u32(0)
                .u32(VIDEO_TIMESCALE)
                .u32(0)
                .u16(0x55C4)
                .u16(0)
                .end(); // und
        out.fullBox("hdlr", 0, 0).u32(0).fourCc("vide").zeros(12).bytes(new byte[] {'V', 'i', 'g', 'i', 'l', 0});
        out.end();
        out.box("minf");
        out.fullBox("vmhd", 0, 1).u16(0).zeros(6).end();
        out.box("dinf")
                .fullBox("dref", 0, 0)
                .u32(1)
                .fullBox("url ", 0, 1)
                .end()
                .end()
                .end();
        out.box("stbl");
        out.fullBox("stsd", 0, 0).u32(1);
        avc1(out, sps, spss, ppss);
        out.end();
        out.fullBox("stts", 0, 0).u32(0).end();
        out.fullBox("stsc", 0, 0).u32(0).end();
        out.fullBox("stsz", 0, 0).u32(0).u32(0).end();
        out.fullBox("stco", 0, 0).u32(0).end();
        out.end().end().end().end(); // stbl minf mdia trak
        out.box("mvex")
                .fullBox("trex", 0, 0)
                .u32(TRACK_ID)
                .u32(1)
                .u32(0)
                .u32(0)
                .u32(0)
                .end()
                .end();
        out.end(); // moov
        return out.toByteArray();
    }

    private static void mvhd(BoxWriter out) {
        out.fullBox("mvhd", 0, 0).u32(0).u32(0).u32(MOVIE_TIMESCALE).u32(0);
        out.u32(0x10000).u16(0x100).zeros(10); // rate 1.0, volume 1.0, reserved
        matrix(out);
        out.zeros(24).u32(TRACK_ID + 1).end(); // pre_defined, next_track_ID
    }

    private static void tkhd(BoxWriter out, H264Sps sps) {
        out.fullBox("tkhd", 0, 3).u32(0).u32(0).u32(TRACK_ID).u32(0).u32(0); // enabled, in movie
        out.zeros(8).u16(0).u16(0).u16(0).u16(0); // reserved, layer, alternate group, volume, reserved
        matrix(out);
        out.u32((long) sps.widthPixels() << 16)
                .u32((long) sps.heightPixels() << 16)
                .end();
    }

    private static void avc1(BoxWriter out, H264Sps sps, List<ByteBuffer> spss, List<ByteBuffer> ppss) {
        out.box("avc1").zeros(6).u16(1); // reserved, data_reference_index
        out.zeros(16).u16(sps.widthPixels()).u16(sps.heightPixels());
        out.u32(0x480000).u32(0x480000).u32(0).u16(1); // 72 dpi, reserved, frame_count
        out.zeros(32).u16(0x18).u16(0xFFFF); // compressorname, depth, pre_defined -1
        out.box("avcC").u8(1).u8(sps.profileIdc()).u8(sps.constraintFlags()).u8(sps.levelIdc());
        out.u8(0xFF).u8(0xE0 | spss.size()); // 4-byte NAL lengths
        spss.forEach(s -> out.u16(s.remaining()).bytes(s));
        out.u8(ppss.size());
        ppss.forEach(p -> out.u16(p.remaining()).bytes(p));
        if (sps.highProfile()) {
            out.u8(0xFC | sps.chromaFormatIdc())
                    .u8(0xF8 | sps.bitDepthLuma() - 8)
                    .u8(0xF8 | sps.bitDepthChroma() - 8);
            out.u8(0); // no SPS extensions
        }
        out.end().end();
    }

    private static void matrix(BoxWriter out) {
        for (int value : UNITY_MATRIX) {
            out.u32(value);
        }
    }

    private static List<ByteBuffer> ofType(List<ByteBuffer> nalUnits, int type) {
        return nalUnits.stream()
                .filter(n -> n.hasRemaining() && (n.get(n.position()) & 0x1F) == type)
                .toList();
    }
}
