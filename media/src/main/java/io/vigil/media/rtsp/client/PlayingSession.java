package io.vigil.media.rtsp.client;

import io.vigil.media.sdp.MediaDescription;
import io.vigil.media.sdp.SessionDescription;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@link RtspSession} a {@link ClientSession} hands out once PLAY was answered: what it plays, and its controls. */
final class PlayingSession implements RtspSession {

    private final ConversationStep.Playing playing;
    private final ClientSession session;
    private final String transportName;

    PlayingSession(ConversationStep.Playing playing, ClientSession session, String transportName) {
        this.playing = playing;
        this.session = session;
        this.transportName = transportName;
    }

    @Override
    public URI url() {
        return playing.url();
    }

    @Override
    public SessionDescription description() {
        return playing.description();
    }

    @Override
    public List<RtspTrack> tracks() {
        return playing.tracks();
    }

    @Override
    public List<MediaDescription> ignoredMedia() {
        return playing.ignored();
    }

    @Override
    public String transportName() {
        return transportName;
    }

    @Override
    public RtspSessionCounters counters() {
        return session.counters();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public CompletableFuture<Void> closed() {
        return session.closed();
    }

    @Override
    public String toString() {
        return "RtspSession[" + playing.url() + ", " + playing.tracks().size() + " tracks]";
    }
}
