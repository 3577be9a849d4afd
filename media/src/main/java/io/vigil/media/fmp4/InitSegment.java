package io.vigil.media.fmp4;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The init segment (glossary) of a stream: {@code ftyp} (iso5, compatible iso5/iso6/mp41) and a {@code moov} with a
 * {@code trak} per track, each with an empty sample table and its sample entry ({@link SampleEntries}), and
 * {@code mvex} with a {@code trex} per track announcing fragments. The video track is track 1 at 90 kHz; an audio
 * track is track 2 with one tick a sample.
 */
public final class InitSegment {

    public static final int VIDEO_TRACK_ID = 1;
    public static final int AUDIO_TRACK_ID = 2;
    /** Ticks per second of the video track: RTP's H.264 and H.265 clock, so RTP timestamps are times as they are. */
    public static final int VIDEO_TIMESCALE = 90_000;

    private static final int MOVIE_TIMESCALE = 1000;
    private static final int[] UNITY_MATRIX = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
    private static final int TRACK_ENABLED_IN_MOVIE = 3;
    private static final int LANGUAGE_UNDETERMINED = 0x55C4;

    private InitSegment() {}

    /** The init segment of a video track and maybe an audio track. */
    public static byte[] of(VideoTrack video, Optional<AudioTrack> audio) {
        BoxWriter out = new BoxWriter();
        out.box("ftyp")
                .fourCc("iso5")
                .u32(512)
                .fourCc("iso5")
                .fourCc("iso6")
                .fourCc("mp41")
                .end();
        out.box("moov");
        mvhd(out, audio.isPresent() ? AUDIO_TRACK_ID + 1 : VIDEO_TRACK_ID + 1);
        trak(out, VIDEO_TRACK_ID, VIDEO_TIMESCALE, video.widthPixels(), video.heightPixels(), entry -> {
            SampleEntries.video(entry, video);
        });
        audio.ifPresent(track -> trak(out, AUDIO_TRACK_ID, track.sampleRateHertz(), 0, 0, entry -> {
            SampleEntries.audio(entry, track);
        }));
        out.box("mvex");
        trex(out, VIDEO_TRACK_ID);
        audio.ifPresent(track -> trex(out, AUDIO_TRACK_ID));
        out.end().end(); // mvex moov
        return out.toByteArray();
    }

    private static void mvhd(BoxWriter out, int nextTrackId) {
        out.fullBox("mvhd", 0, 0).u32(0).u32(0).u32(MOVIE_TIMESCALE).u32(0);
        out.u32(0x10000).u16(0x100).zeros(10); // rate 1.0, volume 1.0, reserved
        matrix(out);
        out.zeros(24).u32(nextTrackId).end(); // pre_defined, next_track_ID
    }

    /** A track with no samples of its own (they come in fragments): the video track, or the audio track. */
    private static void trak(
            BoxWriter out,
            int trackId,
            int timescale,
            int widthPixels,
            int heightPixels,
            Consumer<BoxWriter> sampleEntry) {
        boolean video = trackId == VIDEO_TRACK_ID;
        out.box("trak");
        out.fullBox("tkhd", 0, TRACK_ENABLED_IN_MOVIE)
                .u32(0)
                .u32(0)
                .u32(trackId)
                .u32(0)
                .u32(0);
        out.zeros(8).u16(0).u16(0).u16(video ? 0 : 0x100).u16(0); // reserved, layer, group, volume, reserved
        matrix(out);
        out.u32((long) widthPixels << 16).u32((long) heightPixels << 16).end(); // 16.16
        out.box("mdia");
        out.fullBox("mdhd", 0, 0).u32(0).u32(0).u32(timescale).u32(0);
        out.u16(LANGUAGE_UNDETERMINED).u16(0).end();
        out.fullBox("hdlr", 0, 0).u32(0).fourCc(video ? "vide" : "soun").zeros(12);
        out.bytes(new byte[] {'V', 'i', 'g', 'i', 'l', 0}).end();
        out.box("minf");
        if (video) {
            out.fullBox("vmhd", 0, 1).u16(0).zeros(6).end(); // graphicsmode copy, opcolor
        } else {
            out.fullBox("smhd", 0, 0).u16(0).u16(0).end(); // balance centre, reserved
        }
        out.box("dinf")
                .fullBox("dref", 0, 0)
                .u32(1)
                .fullBox("url ", 0, 1)
                .end()
                .end()
                .end();
        out.box("stbl");
        out.fullBox("stsd", 0, 0).u32(1);
        sampleEntry.accept(out);
        out.end();
        out.fullBox("stts", 0, 0).u32(0).end();
        out.fullBox("stsc", 0, 0).u32(0).end();
        out.fullBox("stsz", 0, 0).u32(0).u32(0).end();
        out.fullBox("stco", 0, 0).u32(0).end();
        out.end().end().end().end(); // stbl minf mdia trak
    }

    /** Defaults a fragment overrides in every {@code trun}: sample description 1, nothing else. */
    private static void trex(BoxWriter out, int trackId) {
        out.fullBox("trex", 0, 0).u32(trackId).u32(1).u32(0).u32(0).u32(0).end();
    }

    private static void matrix(BoxWriter out) {
        for (int value : UNITY_MATRIX) {
            out.u32(value);
        }
    }
}
