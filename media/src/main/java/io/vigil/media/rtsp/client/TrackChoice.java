package io.vigil.media.rtsp.client;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.sdp.MediaDescription;
import io.vigil.media.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which media of a description a recorder sets up: the first video in H.264 or H.265 and the first audio in
 * {@code mpeg4-generic} (AAC, RFC 3640); every other media is left out and listed. A description without such a video
 * is refused ({@link MediaError#UNSUPPORTED}).
 */
record TrackChoice(MediaDescription video, Optional<MediaDescription> audio, List<MediaDescription> ignored) {

    TrackChoice {
        ignored = List.copyOf(ignored);
    }

    static TrackChoice of(SessionDescription description) {
        MediaDescription video = null;
        MediaDescription audio = null;
        List<MediaDescription> ignored = new ArrayList<>();
        for (MediaDescription media : description.media()) {
            String encoding = media.encodingName().orElse("");
            if (video == null
                    && media.mediaType().equals("video")
                    && (encoding.equals("H264") || encoding.equals("H265"))) {
                video = media;
            } else if (audio == null && media.mediaType().equals("audio") && encoding.equals("MPEG4-GENERIC")) {
                audio = media;
            } else {
                ignored.add(media);
            }
        }
        if (video == null) {
            throw new MediaException(
                    MediaError.UNSUPPORTED,
                    "no H.264 or H.265 video among the media: "
                            + description.media().stream()
                                    .map(m -> m.mediaType() + "/"
                                            + m.encodingName()
                                                    .orElse("payload type "
                                                            + m.payloadTypes().get(0)))
                                    .collect(Collectors.joining(", ", "[", "]")));
        }
        return new TrackChoice(video, Optional.ofNullable(audio), ignored);
    }

    /** The media to set up, video first. */
    List<MediaDescription> picked() {
        return audio.map(a -> List.of(video, a)).orElse(List.of(video));
    }
}
