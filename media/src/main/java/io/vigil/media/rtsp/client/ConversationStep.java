package io.vigil.media.rtsp.client;

import io.vigil.media.rtsp.RtspMethod;
import io.vigil.media.rtsp.RtspRequest;
import io.vigil.media.sdp.MediaDescription;
import io.vigil.media.sdp.SessionDescription;
import java.net.URI;
import java.util.List;

/** What a {@link RtspConversation} says to do after a response. */
public sealed interface ConversationStep {

    /** Send this request. */
    public record Send(RtspRequest request) implements ConversationStep {}

    /** Close this connection and start again at {@code target} (a redirect). */
    public record Reconnect(RtspTarget target) implements ConversationStep {}

    /** PLAY was answered: the session plays, keep-alives every {@code keepAliveIntervalMillis}. */
    public record Playing(
            URI url,
            SessionDescription description,
            List<RtspTrack> tracks,
            List<MediaDescription> ignored,
            long keepAliveIntervalMillis)
            implements ConversationStep {}

    /** A keep-alive or TEARDOWN was answered with {@code statusCode}. */
    public record Answered(RtspMethod method, int statusCode) implements ConversationStep {}

    /** A response that answers nothing outstanding (a late answer, another CSeq): skipped. */
    public record Ignored(String why) implements ConversationStep {}
}
