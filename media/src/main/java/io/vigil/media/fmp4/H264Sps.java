package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * What the init segment needs of an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1): profile, constraint flags,
 * level, chroma format and bit depths (for {@code avcC}), and the picture's size in pixels after cropping (for
 * {@code tkhd} and {@code avc1}).
 */
public record H264Sps(
        int profileIdc,
        int constraintFlags,
        int levelIdc,
        int chromaFormatIdc,
        int bitDepthLuma,
        int bitDepthChroma,
        int widthPixels,
        int heightPixels)
        implements SequenceParameterSet {

    /** Profiles whose SPS carries chroma format, bit depths and scaling matrices. */
    private static final Set<Integer> HIGH_PROFILES =
            Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

    public H264Sps {
        if (widthPixels <= 0 || widthPixels > 0xFFFF || heightPixels <= 0 || heightPixels > 0xFFFF) {
            throw new IllegalArgumentException("picture size out of range: " + widthPixels + "x" + heightPixels);
        }
    }

    /** Whether {@code avcC} carries chroma format and bit depths after the parameter sets (ISO 14496-15 5.3.3.1). */
    public boolean highProfile() {
        return HIGH_PROFILES.contains(profileIdc);
    }

    /** Reads an SPS NAL unit (header byte included, no start code); refuses one that ends early or is not an SPS. */
    public static H264Sps parse(ByteBuffer nalUnit) {
        BitReader in = BitReader.rbsp(nalUnit, "H.264 SPS");
        if ((in.bits(8) & 0x1F) != 7) {
            throw BitReader.malformedParameterSet("not an SPS NAL unit");
        }
        int profile = in.bits(8);
        int constraints = in.bits(8);
        int level = in.bits(8);
        in.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        if (HIGH_PROFILES.contains(profile)) {
            chromaFormat = in.ue(3, "chroma_format_idc");
            if (chromaFormat == 3) {
                separateColourPlane = in.bits(1) == 1;
            }
            bitDepthLuma = 8 + in.ue(6, "bit_depth_luma_minus8");
            bitDepthChroma = 8 + in.ue(6, "bit_depth_chroma_minus8");
            in.bits(1); // qpprime_y_zero_transform_bypass_flag
            if (in.bits(1) == 1) {
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (in.bits(1) == 1) {
                        skipScalingList(in, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        in.ue(); // log2_max_frame_num_minus4
        int pocType = in.ue();
        if (pocType == 0) {
            in.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (pocType == 1) {
            in.bits(1); // delta_pic_order_always_zero_flag
            in.se(); // offset_for_non_ref_pic
            in.se(); // offset_for_top_to_bottom_field
            int cycle = in.ue(255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (int i = 0; i < cycle; i++) {
                in.se();
            }
        }
        in.ue(); // max_num_ref_frames
        in.bits(1); // gaps_in_frame_num_value_allowed_flag
        long widthMbs = in.ue() + 1L;
        long heightMapUnits = in.ue() + 1L;
        int frameMbsOnly = in.bits(1);
        if (frameMbsOnly == 0) {
            in.bits(1); // mb_adaptive_frame_field_flag
        }
        in.bits(1); // direct_8x8_inference_flag
        long cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
        if (in.bits(1) == 1) {
            cropLeft = in.ue();
            cropRight = in.ue();
            cropTop = in.ue();
            cropBottom = in.ue();
        }
        int chromaArrayType = separateColourPlane ? 0 : chromaFormat;
        int cropUnitX = chromaArrayType == 0 ? 1 : (chromaArrayType == 3 ? 1 : 2);
        int cropUnitY = (chromaArrayType == 1 ? 2 : 1) * (2 - frameMbsOnly);
        long width = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        long height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropUnitY * (cropTop + cropBottom);
        if (width <= 0 || width > 0xFFFF || height <= 0 || height > 0xFFFF) {
            throw BitReader.malformedParameterSet("picture size out of range: " + width + "x" + height);
        }
        return new H264Sps(
                profile, constraints, level, chromaFormat, bitDepthLuma, bitDepthChroma, (int) width, (int) height);
    }

    private static void skipScalingList(BitReader in, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + in.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }
}
