package io.vigil.media.fmp4;

import java.nio.ByteBuffer;

/**
 * What the init segment needs of an H.265 sequence parameter set (ITU-T H.265 7.3.2.2.1): the general profile, tier and
 * level, the number of temporal sub-layers, chroma format and bit depths (for {@code hvcC}), and the picture's size in
 * pixels inside its conformance window (for {@code tkhd} and {@code hvc1}). Read up to the bit depths: the rest of the
 * SPS (VUI, reference picture sets) is not needed.
 */
public record H265Sps(
        ProfileTierLevel general,
        int maxSubLayers,
        boolean temporalIdNesting,
        int chromaFormatIdc,
        int bitDepthLuma,
        int bitDepthChroma,
        int widthPixels,
        int heightPixels)
        implements SequenceParameterSet {

    private static final int SPS = 33;
    private static final int MAX_SUB_LAYERS = 7;
    private static final int SUB_LAYER_PROFILE_BITS = 88;
    private static final int SUB_LAYER_LEVEL_BITS = 8;

    public H265Sps {
        if (maxSubLayers < 1 || maxSubLayers > MAX_SUB_LAYERS) {
            throw new IllegalArgumentException("1 to 7 sub-layers: " + maxSubLayers);
        }
        if (chromaFormatIdc < 0 || chromaFormatIdc > 3) {
            throw new IllegalArgumentException("chroma_format_idc 0 to 3: " + chromaFormatIdc);
        }
        if (bitDepthLuma < 8 || bitDepthLuma > 15 || bitDepthChroma < 8 || bitDepthChroma > 15) {
            throw new IllegalArgumentException("bit depths 8 to 15: " + bitDepthLuma + "/" + bitDepthChroma);
        }
        if (widthPixels <= 0 || widthPixels > 0xFFFF || heightPixels <= 0 || heightPixels > 0xFFFF) {
            throw new IllegalArgumentException("picture size out of range: " + widthPixels + "x" + heightPixels);
        }
    }

    /**
     * The general {@code profile_tier_level} (H.265 7.3.3), as {@code hvcC} copies it: 2 bits of profile space, the
     * tier flag, 5 bits of profile, 32 compatibility flags, 48 bits of constraint flags, and the level.
     */
    public record ProfileTierLevel(
            int profileSpace,
            int tierFlag,
            int profileIdc,
            int compatibilityFlags,
            long constraintIndicatorFlags,
            int levelIdc) {

        public ProfileTierLevel {
            if (profileSpace >>> 2 != 0 || tierFlag >>> 1 != 0 || profileIdc >>> 5 != 0 || levelIdc >>> 8 != 0) {
                throw new IllegalArgumentException("profile space, tier, profile or level out of range");
            }
            if (constraintIndicatorFlags >>> 48 != 0) {
                throw new IllegalArgumentException("48 bits of constraint flags");
            }
        }
    }

    /** Reads an SPS NAL unit (2-byte header included, no start code); refuses one that ends early or is not an SPS. */
    public static H265Sps parse(ByteBuffer nalUnit) {
        BitReader in = BitReader.rbsp(nalUnit, "H.265 SPS");
        int header = in.bits(16);
        if ((header >>> 9 & 0x3F) != SPS) {
            throw BitReader.malformedParameterSet("not an H.265 SPS NAL unit");
        }
        in.bits(4); // sps_video_parameter_set_id
        int maxSubLayers = in.bits(3) + 1;
        if (maxSubLayers > MAX_SUB_LAYERS) {
            throw in.malformed("H.265 SPS: sps_max_sub_layers_minus1 7");
        }
        boolean temporalIdNesting = in.flag();
        ProfileTierLevel general = new ProfileTierLevel(
                in.bits(2), in.bits(1), in.bits(5), in.bits(32), (long) in.bits(24) << 24 | in.bits(24), in.bits(8));
        skipSubLayers(in, maxSubLayers - 1);
        in.ue(15, "sps_seq_parameter_set_id");
        int chromaFormat = in.ue(3, "chroma_format_idc");
        boolean separateColourPlanes = chromaFormat == 3 && in.flag();
        long width = in.ue();
        long height = in.ue();
        if (in.flag()) { // conformance_window_flag: offsets in chroma samples
            int subWidth = !separateColourPlanes && (chromaFormat == 1 || chromaFormat == 2) ? 2 : 1;
            int subHeight = !separateColourPlanes && chromaFormat == 1 ? 2 : 1;
            width -= subWidth * ((long) in.ue() + in.ue());
            height -= subHeight * ((long) in.ue() + in.ue());
        }
        int bitDepthLuma = 8 + in.ue(7, "bit_depth_luma_minus8");
        int bitDepthChroma = 8 + in.ue(7, "bit_depth_chroma_minus8");
        if (width <= 0 || width > 0xFFFF || height <= 0 || height > 0xFFFF) {
            throw in.malformed("H.265 SPS: picture size out of range: " + width + "x" + height);
        }
        return new H265Sps(
                general, maxSubLayers, temporalIdNesting, chromaFormat, bitDepthLuma, bitDepthChroma, (int) width, (int)
                        height);
    }

    /** The sub-layers' part of {@code profile_tier_level}: presence flags, alignment, then what they say is present. */
    private static void skipSubLayers(BitReader in, int subLayers) {
        boolean[] profilePresent = new boolean[subLayers];
        boolean[] levelPresent = new boolean[subLayers];
        for (int i = 0; i < subLayers; i++) {
            profilePresent[i] = in.flag();
            levelPresent[i] = in.flag();
        }
        if (subLayers > 0) {
            in.skip(2L * (8 - subLayers)); // reserved_zero_2bits up to 8 sub-layers
        }
        for (int i = 0; i < subLayers; i++) {
            in.skip((profilePresent[i] ? SUB_LAYER_PROFILE_BITS : 0) + (levelPresent[i] ? SUB_LAYER_LEVEL_BITS : 0));
        }
    }
}
