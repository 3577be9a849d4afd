package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes a track's sample entry, the one entry of its {@code stsd}: {@code avc1} with {@code avcC} (ISO/IEC 14496-15
 * 5.3.3), {@code hvc1} with {@code hvcC} (8.3.3), each holding the parameter sets, so samples carry none; or
 * {@code mp4a} with {@code esds} (ISO/IEC 14496-14 5.6, descriptors of 14496-1 7.2.6) holding the AudioSpecificConfig.
 */
final class SampleEntries {

    private static final int AVC_SPS = 7;
    private static final int AVC_PPS = 8;
    private static final int[] HEVC_ARRAYS = {32, 33, 34}; // VPS, SPS, PPS
    /** lengthSizeMinusOne 3: every NAL unit in a sample after a 4-byte length (11 in the low two bits). */
    private static final int FOUR_BYTE_LENGTHS = 3;

    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG_DESCRIPTOR = 0x04;
    private static final int DECODER_SPECIFIC_INFO = 0x05;
    private static final int SL_CONFIG_DESCRIPTOR = 0x06;
    /** objectTypeIndication: Audio ISO/IEC 14496-3 (AAC). */
    private static final int MPEG4_AUDIO = 0x40;
    /** streamType 5 (audio) in the upper 6 bits, upStream 0, reserved 1. */
    private static final int AUDIO_STREAM = 0x15;

    private SampleEntries() {}

    static void video(BoxWriter out, VideoTrack track) {
        out.box(track.codec() == VideoCodec.H264 ? "avc1" : "hvc1").zeros(6).u16(1); // reserved, data_reference_index
        out.zeros(16).u16(track.widthPixels()).u16(track.heightPixels());
        out.u32(0x480000).u32(0x480000).u32(0).u16(1); // 72 dpi, reserved, frame_count
        out.zeros(32).u16(0x18).u16(0xFFFF); // compressorname, depth, pre_defined -1
        if (track.sps() instanceof H264Sps sps) {
            avcC(out, track, sps);
        } else if (track.sps() instanceof H265Sps sps) {
            hvcC(out, track, sps);
        }
        out.end();
    }

    static void audio(BoxWriter out, AudioTrack track) {
        out.box("mp4a").zeros(6).u16(1); // reserved, data_reference_index
        out.zeros(8).u16(track.channelCount()).u16(16).u16(0).u16(0); // reserved, channels, 16 bits, pre_defined
        out.u32(track.sampleRateHertz() <= 0xFFFF ? (long) track.sampleRateHertz() << 16 : 0); // 16.16, if it fits
        ByteBuffer config = track.audioSpecificConfig(); // at most 64 bytes: every descriptor's size fits 7 bits
        out.fullBox("esds", 0, 0);
        descriptor(out, ES_DESCRIPTOR, 3 + 2 + 13 + 2 + config.remaining() + 2 + 1);
        out.u16(0).u8(0); // ES_ID 0, no stream dependence, URL or OCR stream
        descriptor(out, DECODER_CONFIG_DESCRIPTOR, 13 + 2 + config.remaining())
                .u8(MPEG4_AUDIO)
                .u8(AUDIO_STREAM);
        out.u24(0).u32(0).u32(0); // bufferSizeDB, maxBitrate, avgBitrate: unknown
        descriptor(out, DECODER_SPECIFIC_INFO, config.remaining()).bytes(config);
        descriptor(out, SL_CONFIG_DESCRIPTOR, 1).u8(2); // predefined: MP4 files
        out.end().end();
    }

    private static void avcC(BoxWriter out, VideoTrack track, H264Sps sps) {
        List<ByteBuffer> spss = track.parameterSets(AVC_SPS);
        List<ByteBuffer> ppss = track.parameterSets(AVC_PPS);
        out.box("avcC").u8(1).u8(sps.profileIdc()).u8(sps.constraintFlags()).u8(sps.levelIdc());
        out.u8(0xFC | FOUR_BYTE_LENGTHS).u8(0xE0 | spss.size());
        spss.forEach(s -> out.u16(s.remaining()).bytes(s));
        out.u8(ppss.size());
        ppss.forEach(p -> out.u16(p.remaining()).bytes(p));
        if (sps.highProfile()) {
            out.u8(0xFC | sps.chromaFormatIdc())
                    .u8(0xF8 | sps.bitDepthLuma() - 8)
                    .u8(0xF8 | sps.bitDepthChroma() - 8);
            out.u8(0); // no SPS extensions
        }
        out.end();
    }

    private static void hvcC(BoxWriter out, VideoTrack track, H265Sps sps) {
        H265Sps.ProfileTierLevel general = sps.general();
        out.box("hvcC").u8(1);
        out.u8(general.profileSpace() << 6 | general.tierFlag() << 5 | general.profileIdc());
        out.u32(Integer.toUnsignedLong(general.compatibilityFlags()));
        out.u16((int) (general.constraintIndicatorFlags() >>> 32)).u32(general.constraintIndicatorFlags());
        out.u8(general.levelIdc());
        out.u16(0xF000).u8(0xFC); // min_spatial_segmentation_idc 0, parallelismType 0: unknown
        out.u8(0xFC | sps.chromaFormatIdc()).u8(0xF8 | sps.bitDepthLuma() - 8).u8(0xF8 | sps.bitDepthChroma() - 8);
        out.u16(0); // avgFrameRate: unknown
        out.u8(sps.maxSubLayers() << 3 | (sps.temporalIdNesting() ? 1 : 0) << 2 | FOUR_BYTE_LENGTHS);
        out.u8(HEVC_ARRAYS.length);
        for (int type : HEVC_ARRAYS) {
            List<ByteBuffer> sets = track.parameterSets(type);
            out.u8(0x80 | type).u16(sets.size()); // array_completeness: these are all of that type
            sets.forEach(s -> out.u16(s.remaining()).bytes(s));
        }
        out.end();
    }

    /** A descriptor's tag and size (ISO/IEC 14496-1 8.3.3), the size in one byte. */
    private static BoxWriter descriptor(BoxWriter out, int tag, int sizeBytes) {
        if (sizeBytes > 0x7F) {
            throw new IllegalArgumentException("a descriptor of " + sizeBytes + " bytes");
        }
        return out.u8(tag).u8(sizeBytes);
    }
}
