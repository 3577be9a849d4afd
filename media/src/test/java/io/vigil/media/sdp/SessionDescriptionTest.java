package io.vigil.media.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Session descriptions of real cameras, each from a public capture named above it. */
@SuppressWarnings("StringConcatToTextBlock") // RTSP and SDP lines end in CRLF, which a text block would hide
class SessionDescriptionTest {

    /**
     * Hikvision DS-2CD2032-I (main stream), absolute controls and an ONVIF metadata stream; "; " between fmtp
     * parameters. From retina's src/client/testdata/hikvision_describe.txt (MIT/Apache-2.0).
     */
    static final String HIKVISION = """
            v=0
            o=- 1620251477190769 1620251477190769 IN IP4 192.168.5.106
            s=Media Presentation
            e=NONE
            b=AS:5050
            t=0 0
            a=control:rtsp://192.168.5.106:554/Streaming/Channels/101/?transportmode=unicast&profile=Profile_1
            m=video 0 RTP/AVP 96
            c=IN IP4 0.0.0.0
            b=AS:5000
            a=recvonly
            a=x-dimensions:1920,1080
            a=control:rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=1?transportmode=unicast&profile=Profile_1
            a=rtpmap:96 H264/90000
            a=fmtp:96 profile-level-id=420029; packetization-mode=1; sprop-parameter-sets=Z00AKZpkA8ARPyzUBAQFAAADA+gAAOpgBA==,aO48gA==
            m=application 0 RTP/AVP 107
            c=IN IP4 0.0.0.0
            b=AS:50
            a=recvonly
            a=control:rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=3?transportmode=unicast&profile=Profile_1
            a=rtpmap:107 vnd.onvif.metadata/90000
            a=Media_header:MEDIAINFO=494D4B48010100000400010000000000000000000000000000000000000000000000000000000000;
            a=appversion:1.0
            """;

    /**
     * Dahua, H.264 with AAC and ONVIF metadata; relative controls after a Content-Base with a query.
     * From retina's src/client/testdata/dahua_describe_h264_aac_onvif.txt (MIT/Apache-2.0).
     */
    static final String DAHUA_H264_AAC = """
            v=0
            o=- 2252542845 2252542845 IN IP4 0.0.0.0
            s=Media Server
            c=IN IP4 0.0.0.0
            t=0 0
            a=control:*
            a=packetization-supported:DH
            a=rtppayload-supported:DH
            a=range:npt=now-
            m=video 0 RTP/AVP 96
            a=control:trackID=0
            a=framerate:15.000000
            a=rtpmap:96 H264/90000
            a=fmtp:96 packetization-mode=1;profile-level-id=64001E;sprop-parameter-sets=Z2QAHqwsaoLA9puCgIKgAAADACAAAAMD0IAA,aO4xshsA
            a=recvonly
            m=audio 0 RTP/AVP 97
            a=control:trackID=1
            a=rtpmap:97 MPEG4-GENERIC/48000
            a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1188
            a=recvonly
            m=application 0 RTP/AVP 107
            a=control:trackID=4
            a=rtpmap:107 vnd.onvif.metadata/90000
            a=recvonly
            """;

    /** Dahua, H.265 with G.711. From retina's src/client/testdata/dahua_describe_h265_pcma.txt (MIT/Apache-2.0). */
    static final String DAHUA_H265 = """
            v=0
            o=- 2253040596 2253040596 IN IP4 0.0.0.0
            s=Media Server
            c=IN IP4 0.0.0.0
            t=0 0
            a=control:*
            a=range:npt=now-
            m=video 0 RTP/AVP 98
            a=control:trackID=0
            a=framerate:12.000000
            a=rtpmap:98 H265/90000
            a=fmtp:98 profile-id=1;sprop-sps=QgEBAWAAAAMAsAAAAwAAAwBaoAWCAeFja5JFL83BQYFBAAADAAEAAAMADKE=;sprop-pps=RAHA8saNA7NA;sprop-vps=QAEMAf//AWAAAAMAsAAAAwAAAwBarAwAAAMABAAAAwAyqA==
            a=recvonly
            m=audio 0 RTP/AVP 8
            a=control:trackID=1
            a=rtpmap:8 PCMA/8000
            a=recvonly
            """;

    /**
     * Reolink (LIVE555), fmtp after rtpmap, control last, "; profile=1;" trailing the AAC fmtp.
     * From retina's src/client/testdata/reolink_describe.txt (MIT/Apache-2.0).
     */
    static final String REOLINK = """
            v=0
            o=- 1619813458434609 1 IN IP4 192.168.5.206
            s=Session streamed by "preview"
            i=h264Preview_01_main
            t=0 0
            a=tool:LIVE555 Streaming Media v2013.04.08
            a=type:broadcast
            a=control:*
            a=range:npt=0-
            m=video 0 RTP/AVP 96
            c=IN IP4 0.0.0.0
            b=AS:500
            a=rtpmap:96 H264/90000
            a=range:npt=0-
            a=fmtp:96 packetization-mode=1;profile-level-id=640033;sprop-parameter-sets=Z2QAM6zoAoALWQ==,aO48MA==
            a=control:trackID=1
            m=audio 0 RTP/AVP 97
            c=IN IP4 0.0.0.0
            b=AS:256
            a=rtpmap:97 MPEG4-GENERIC/16000
            a=fmtp:97 streamtype=5;profile-level-id=15;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1408; profile=1;
            a=control:trackID=2
            """;

    /**
     * Axis (GStreamer RTSP server), H.264, AAC with a channel count in rtpmap, and an SVG overlay stream. From
     * AxisCommunications/media-stream-library-js, streams/tests (rtsp-session fixtures, MIT).
     */
    static final String AXIS = """
            v=0
            o=- 1188340656180883 1 IN IP4 192.168.0.96
            s=Session streamed with GStreamer
            i=rtsp-server
            t=0 0
            a=tool:GStreamer
            a=type:broadcast
            a=range:npt=now-
            a=control:rtsp://192.168.0.90/axis-media/media.amp?video=1&audio=1&svg=on
            m=video 0 RTP/AVP 96
            c=IN IP4 0.0.0.0
            b=AS:50000
            a=rtpmap:96 H264/90000
            a=fmtp:96 packetization-mode=1;profile-level-id=4d0032;sprop-parameter-sets=Z00AMuKQBRAevy4C3AQEBpB4kRU=,aO48gA==
            a=control:rtsp://192.168.0.90/axis-media/media.amp/stream=0?video=1&audio=1&svg=on
            a=framerate:12.000000
            a=transform:1.000000,0.000000,0.000000;0.000000,1.000000,0.000000;0.000000,0.000000,1.000000
            m=audio 0 RTP/AVP 97
            c=IN IP4 0.0.0.0
            b=AS:32
            a=rtpmap:97 MPEG4-GENERIC/16000/1
            a=fmtp:97 streamtype=5;profile-level-id=2;mode=AAC-hbr;config=1408;sizelength=13;indexlength=3;indexdeltalength=3
            a=control:rtsp://192.168.0.90/axis-media/media.amp/stream=1?video=1&audio=1&svg=on
            m=application 0 RTP/AVP 99
            c=IN IP4 0.0.0.0
            a=rtpmap:99 image.svg.data/90000
            a=control:rtsp://192.168.0.90/axis-media/media.amp/stream=2?video=1&audio=1&svg=on
            """;

    private static String hex(Optional<byte[]> bytes) {
        return bytes.map(HexFormat.of()::formatHex).orElse("-");
    }

    /** Each camera's media in a line: type, encoding/clock, SETUP URL; then its H.264 parameters. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HIKVISION      | rtsp://192.168.5.106:554/Streaming/Channels/101/ | video H264/90000 rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=1?transportmode=unicast&profile=Profile_1, application VND.ONVIF.METADATA/90000 rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=3?transportmode=unicast&profile=Profile_1 | 1 420029 674d00299a6403c0113f2cd404040500000303e80000ea6004 68ee3c80",
                "DAHUA_H264_AAC | rtsp://192.168.5.111:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif/ | video H264/90000 rtsp://192.168.5.111:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif/trackID=0, audio MPEG4-GENERIC/48000 rtsp://192.168.5.111:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif/trackID=1, application VND.ONVIF.METADATA/90000 rtsp://192.168.5.111:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif/trackID=4 | 1 64001e 6764001eac2c6a82c0f69b828082a0000003002000000303d08000 68ee31b21b00",
                "REOLINK        | rtsp://192.168.5.206/h264Preview_01_main/ | video H264/90000 rtsp://192.168.5.206/h264Preview_01_main/trackID=1, audio MPEG4-GENERIC/16000 rtsp://192.168.5.206/h264Preview_01_main/trackID=2 | 1 640033 67640033ace802800b59 68ee3c30",
                "AXIS           | rtsp://192.168.0.90/axis-media/media.amp/ | video H264/90000 rtsp://192.168.0.90/axis-media/media.amp/stream=0?video=1&audio=1&svg=on, audio MPEG4-GENERIC/16000 rtsp://192.168.0.90/axis-media/media.amp/stream=1?video=1&audio=1&svg=on, application IMAGE.SVG.DATA/90000 rtsp://192.168.0.90/axis-media/media.amp/stream=2?video=1&audio=1&svg=on | 1 4d0032 674d0032e29005101ebf2e02dc04040690789115 68ee3c80"
            })
    void realCameras(String camera, String contentBase, String media, String h264) throws Exception {
        SessionDescription sdp = SessionDescription.parse(
                (String) getClass().getDeclaredField(camera).get(null));
        assertEquals(
                media,
                String.join(
                        ", ",
                        sdp.media().stream()
                                .map(m -> m.mediaType() + " "
                                        + m.encodingName().orElse("?") + "/"
                                        + m.rtpMap().map(RtpMap::clockRateHz).orElse(0) + " "
                                        + m.controlUrl(contentBase))
                                .toList()));
        H264Parameters video = H264Parameters.of(sdp.media("video").get(0));
        assertEquals(
                h264,
                video.packetizationMode() + " " + video.profileLevelId().orElse("-") + " " + hex(video.sps()) + " "
                        + hex(video.pps()));
    }

    @Test
    void h265ParameterSetsFromDahua() {
        H265Parameters video = H265Parameters.of(
                SessionDescription.parse(DAHUA_H265).media("video").get(0));
        assertEquals("40010c01ffff016000000300b0000003000003005aac0c00000300040000030032a8", hex(video.vps()));
        assertEquals(
                "420101016000000300b0000003000003005aa0058201e1636b92452fcdc14181410000030001000003000ca1",
                hex(video.sps()));
        assertEquals("4401c0f2c68d03b340", hex(video.pps()));
        assertEquals(
                Optional.of(new RtpMap(8, "PCMA", 8000, 1)),
                SessionDescription.parse(DAHUA_H265).media("audio").get(0).rtpMap());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DAHUA_H264_AAC, 1188, 48000", "REOLINK, 1408, 16000", "AXIS, 1408, 16000"})
    void aacHbrFromRealCameras(String camera, String config, int clockRateHz) throws Exception {
        MediaDescription audio = SessionDescription.parse(
                        (String) getClass().getDeclaredField(camera).get(null))
                .media("audio")
                .get(0);
        AacParameters aac = AacParameters.of(audio);
        assertArrayEquals(HexFormat.of().parseHex(config), aac.audioSpecificConfig());
        assertEquals(
                List.of(13, 3, 3), List.of(aac.sizeLengthBits(), aac.indexLengthBits(), aac.indexDeltaLengthBits()));
        assertEquals(clockRateHz, audio.rtpMap().orElseThrow().clockRateHz());
    }

    @Test
    void theSessionControlIsKept() {
        assertEquals(Optional.of("*"), SessionDescription.parse(REOLINK).control());
        assertEquals(
                Optional.of("rtsp://192.168.0.90/axis-media/media.amp?video=1&audio=1&svg=on"),
                SessionDescription.parse(AXIS).control());
    }

    @ParameterizedTest(name = "base {0}, control {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "rtsp://cam/live/  | trackID=1          | rtsp://cam/live/trackID=1",
                "rtsp://cam/live   | trackID=1          | rtsp://cam/live/trackID=1",
                "rtsp://cam/live   | *                  | rtsp://cam/live",
                "rtsp://cam/live   | null               | rtsp://cam/live",
                "rtsp://cam/live   | RTSP://other/x     | RTSP://other/x",
                "rtsp://cam/live   | rtsps://cam:322/t  | rtsps://cam:322/t"
            })
    void controlsResolveAgainstTheBase(String base, String control, String url) {
        assertEquals(url, ControlUrl.resolve(base, control));
    }

    @Test
    void anH264MediaWithoutFmtpHasTheDefaults() {
        MediaDescription media = SessionDescription.parse("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n")
                .media()
                .get(0);
        assertEquals(Map.of(), media.formatParameters());
        H264Parameters h264 = H264Parameters.of(media);
        assertEquals(
                "0 - - -",
                h264.packetizationMode() + " " + h264.profileLevelId().orElse("-") + " " + hex(h264.sps()) + " "
                        + hex(h264.pps()));
    }

    @Test
    void anEmptyH265ParameterSetListIsAbsent() {
        MediaDescription media = SessionDescription.parse("m=video 0 RTP/AVP 98\na=rtpmap:98 H265/90000\n"
                        + "a=fmtp:98 sprop-vps=,;sprop-sps=;sprop-pps=RAHA8saNA7NA\n")
                .media()
                .get(0);
        H265Parameters h265 = H265Parameters.of(media);
        assertEquals("- - 4401c0f2c68d03b340", hex(h265.vps()) + " " + hex(h265.sps()) + " " + hex(h265.pps()));
    }

    @Test
    void parameterSetsThatDoNotDecodeAreLeftForInBand() {
        MediaDescription media = SessionDescription.parse("m=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
                        + "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=blabla=,aO48gA==\n")
                .media()
                .get(0);
        H264Parameters h264 = H264Parameters.of(media);
        assertEquals("- 68ee3c80", hex(h264.sps()) + " " + hex(h264.pps()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "m=video 0 RTP/AVP",
                "m=video x RTP/AVP 96",
                "m=video 0 RTP/AVP 128",
                "m=video 0 RTP/AVP 96\\na=rtpmap:96 H264",
                "m=video 0 RTP/AVP 96\\na=rtpmap:96 H264/0",
                "m=video 0 RTP/AVP 96\\na=rtpmap:x H264/90000",
                "m=audio 0 RTP/AVP 97\\na=rtpmap:97 MPEG4-GENERIC/16000\\na=fmtp:97 mode=AAC-lbr;config=1408;sizelength=6",
                "m=audio 0 RTP/AVP 97\\na=rtpmap:97 MPEG4-GENERIC/16000\\na=fmtp:97 mode=AAC-hbr;config=14;sizelength=13",
                "m=audio 0 RTP/AVP 97\\na=rtpmap:97 MPEG4-GENERIC/16000\\na=fmtp:97 mode=AAC-hbr;config=1408;sizelength=17",
                "m=audio 0 RTP/AVP 97\\na=rtpmap:97 MPEG4-GENERIC/16000\\na=fmtp:97 mode=AAC-hbr;config=14g8;sizelength=13",
                "m=video 0 RTP/AVP 96\\na=rtpmap:96 H264/90000\\na=fmtp:96 packetization-mode=3"
            })
    void whatWouldMisleadIsRefused(String text) {
        MediaException refused = assertThrows(MediaException.class, () -> {
            MediaDescription media =
                    SessionDescription.parse(text.replace("\\n", "\n")).media().get(0);
            if (media.encodingName().equals(Optional.of("H264"))) {
                H264Parameters.of(media);
            } else {
                AacParameters.of(media);
            }
        });
        assertEquals(MediaError.MALFORMED_SDP, refused.error());
    }
}
