package io.vigil.media.fmp4;

/**
 * What the fMP4 writer reads of a video track's SPS: the picture's size in pixels after cropping (for {@code tkhd} and
 * the sample entry), and per codec what its decoder configuration record needs ({@code avcC}, {@code hvcC}).
 */
public sealed interface SequenceParameterSet permits H264Sps, H265Sps {

    int widthPixels();

    int heightPixels();
}
