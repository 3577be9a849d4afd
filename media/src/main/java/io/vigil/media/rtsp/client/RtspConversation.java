package io.vigil.media.rtsp.client;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.rtsp.InterleavedTransport;
import io.vigil.media.rtsp.RtpInfo;
import io.vigil.media.rtsp.RtspMethod;
import io.vigil.media.rtsp.RtspRequest;
import io.vigil.media.rtsp.RtspResponse;
import io.vigil.media.rtsp.SessionHeader;
import io.vigil.media.rtsp.client.ConversationStep.Answered;
import io.vigil.media.rtsp.client.ConversationStep.Ignored;
import io.vigil.media.rtsp.client.ConversationStep.Playing;
import io.vigil.media.rtsp.client.ConversationStep.Reconnect;
import io.vigil.media.rtsp.client.ConversationStep.Send;
import io.vigil.media.sdp.ControlUrl;
import io.vigil.media.sdp.MediaDescription;
import io.vigil.media.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The client's side of one RTSP session as a state machine, without sockets: responses in, the next request out
 * ({@link ConversationStep}). OPTIONS, DESCRIBE (a 401 answered once with the credentials; 301, 302, 303, 307 and 308 followed,
 * {@value #MAX_REDIRECTS} times at most), SETUP of each chosen track over interleaved TCP (RTP on channel 2i, RTCP on
 * 2i+1, the session id of the first answer sent with the others), PLAY from now, then keep-alives (GET_PARAMETER when
 * OPTIONS listed it, else OPTIONS) and TEARDOWN. Every refusal is a {@link MediaException}; messages name URLs and
 * status lines, never credentials. Not thread-safe: one per session, on its thread.
 */
public final class RtspConversation {

    public static final int MAX_REDIRECTS = 3;
    /** The shortest keep-alive period, whatever the camera's session timeout. */
    static final long MIN_KEEP_ALIVE_MILLIS = 500;
    /** Keep-alive answers waited for at once; older ones are forgotten. */
    private static final int MAX_OUTSTANDING = 8;

    private enum Phase {
        OPTIONS,
        DESCRIBE,
        SETUP,
        PLAY,
        PLAYING
    }

    private final Supplier<String> clientNonces;
    private RtspTarget target;
    private int redirects;
    private int cseq;
    private Phase phase = Phase.OPTIONS;
    /** The request awaiting its answer as sent, and as it was before User-Agent and Authorization. */
    private RtspRequest pending;

    private RtspRequest pendingPlain;
    private Authorizer authorizer;
    private boolean getParameterSupported;
    private SessionDescription description;
    private TrackChoice choice;
    private String baseUrl;
    private final List<RtspTrack> tracks = new ArrayList<>();
    private SessionHeader session;
    private final Map<Integer, RtspMethod> outstanding = new LinkedHashMap<>();

    /** @param clientNonces Digest client nonces, one per request (random in the client, fixed in tests) */
    public RtspConversation(RtspTarget target, Supplier<String> clientNonces) {
        this.target = target;
        this.clientNonces = clientNonces;
    }

    public RtspTarget target() {
        return target;
    }

    /** The first request on a (new) connection: OPTIONS. */
    public RtspRequest start() {
        phase = Phase.OPTIONS;
        return send(RtspRequest.options(target.url().toASCIIString(), nextCseq()));
    }

    /** The request waiting for its answer before the session plays, if any. */
    public Optional<RtspRequest> pending() {
        return Optional.ofNullable(pending);
    }

    /** What to do after {@code response}; a refusal ends the conversation. */
    public ConversationStep onResponse(RtspResponse response) {
        try {
            return follow(response);
        } catch (IllegalArgumentException e) {
            // a URL or header value from the camera that no request may carry (spaces, control characters, ...)
            throw new MediaException(MediaError.PROTOCOL, "an answer that cannot be followed: " + e.getMessage(), e);
        }
    }

    private ConversationStep follow(RtspResponse response) {
        if (phase == Phase.PLAYING) {
            RtspMethod method = response.cseq().isPresent()
                    ? outstanding.remove(response.cseq().getAsInt())
                    : null;
            return method == null
                    ? new Ignored("an answer to no outstanding request: " + statusLine(response))
                    : new Answered(method, response.statusCode());
        }
        if (pending == null || (response.cseq().isPresent() && response.cseq().getAsInt() != pending.cseq())) {
            return new Ignored("an answer to another request: " + statusLine(response));
        }
        RtspRequest answered = pending;
        RtspRequest plain = pendingPlain;
        pending = null;
        pendingPlain = null;
        int status = response.statusCode();
        if (status == 401) {
            return new Send(send(reauthorized(answered, plain, response)));
        }
        if (Redirect.isRedirect(status) && phase.compareTo(Phase.SETUP) < 0) {
            return redirect(answered, response);
        }
        return switch (phase) {
            case OPTIONS -> afterOptions(response);
            case DESCRIBE -> afterDescribe(answered, response);
            case SETUP -> afterSetup(answered, response);
            case PLAY -> afterPlay(answered, response);
            case PLAYING -> throw new IllegalStateException("answered above");
        };
    }

    /** The next keep-alive: GET_PARAMETER if the camera listed it in OPTIONS' Public, else OPTIONS. */
    public RtspRequest keepAlive() {
        requirePlaying();
        RtspRequest request = getParameterSupported
                ? RtspRequest.getParameter(playUrl(), nextCseq(), session.id())
                : RtspRequest.options(playUrl(), nextCseq()).with("Session", session.id());
        return outstanding(request);
    }

    /** TEARDOWN of the playing session. */
    public RtspRequest teardown() {
        requirePlaying();
        return outstanding(RtspRequest.teardown(playUrl(), nextCseq(), session.id()));
    }

    /** Whether the request with {@code cseq} still waits for its answer. */
    public boolean awaits(int cseq) {
        return (pending != null && pending.cseq() == cseq) || outstanding.containsKey(cseq);
    }

    public boolean playing() {
        return phase == Phase.PLAYING;
    }

    private ConversationStep afterOptions(RtspResponse response) {
        // a camera that refuses OPTIONS may still DESCRIBE: only its Public list is missed
        getParameterSupported = response.isSuccess()
                && response.headers().all("Public").stream()
                        .flatMap(value -> List.of(value.split(",")).stream())
                        .anyMatch(method -> method.trim().equalsIgnoreCase("GET_PARAMETER"));
        phase = Phase.DESCRIBE;
        return new Send(send(RtspRequest.describe(target.url().toASCIIString(), nextCseq())));
    }

    private ConversationStep afterDescribe(RtspRequest answered, RtspResponse response) {
        requireSuccess(answered, response);
        description = SessionDescription.parse(new String(response.body(), StandardCharsets.UTF_8));
        choice = TrackChoice.of(description);
        baseUrl = response.contentBase().orElse(answered.url());
        phase = Phase.SETUP;
        return setup(0);
    }

    private ConversationStep setup(int index) {
        MediaDescription media = choice.picked().get(index);
        return new Send(send(RtspRequest.setupInterleaved(
                media.controlUrl(baseUrl), nextCseq(), 2 * index, session == null ? null : session.id())));
    }

    private ConversationStep afterSetup(RtspRequest answered, RtspResponse response) {
        if (response.statusCode() == 461) {
            throw new MediaException(
                    MediaError.UNSUPPORTED,
                    "SETUP " + answered.url() + " refused RTP over the RTSP connection: " + statusLine(response));
        }
        requireSuccess(answered, response);
        if (session == null) {
            session = response.session()
                    .orElseThrow(() -> new MediaException(
                            MediaError.PROTOCOL, "SETUP " + answered.url() + " answered without a Session"));
        }
        int index = tracks.size();
        InterleavedTransport transport =
                response.transport().orElse(new InterleavedTransport(2 * index, 2 * index + 1, OptionalLong.empty()));
        if (tracks.stream()
                .anyMatch(t -> t.rtpChannel() == transport.rtpChannel()
                        || t.rtcpChannel() == transport.rtcpChannel()
                        || t.rtpChannel() == transport.rtcpChannel()
                        || t.rtcpChannel() == transport.rtpChannel())) {
            throw new MediaException(
                    MediaError.PROTOCOL, "SETUP " + answered.url() + " granted channels already taken: " + transport);
        }
        tracks.add(new RtspTrack(
                index,
                choice.picked().get(index),
                answered.url(),
                transport.rtpChannel(),
                transport.rtcpChannel(),
                OptionalInt.empty(),
                OptionalLong.empty()));
        if (tracks.size() < choice.picked().size()) {
            return setup(tracks.size());
        }
        phase = Phase.PLAY;
        return new Send(send(RtspRequest.play(playUrl(), nextCseq(), session.id())));
    }

    private ConversationStep afterPlay(RtspRequest answered, RtspResponse response) {
        requireSuccess(answered, response);
        List<RtpInfo> infos = rtpInfo(response);
        List<RtspTrack> played = new ArrayList<>();
        for (RtspTrack track : tracks) {
            Optional<RtpInfo> info = infos.stream()
                    .filter(i -> sameStream(i.url(), track.controlUrl()))
                    .findFirst()
                    .or(() -> infos.size() == tracks.size() ? Optional.of(infos.get(track.index())) : Optional.empty());
            played.add(info.map(i -> track.withRtpInfo(i.sequenceNumber(), i.rtpTime()))
                    .orElse(track));
        }
        phase = Phase.PLAYING;
        long keepAliveMillis = Math.max(
                MIN_KEEP_ALIVE_MILLIS,
                Math.min(
                        session.timeoutSeconds() * 1000L / 2,
                        target.maxKeepAliveInterval().toMillis()));
        return new Playing(target.url(), description, List.copyOf(played), choice.ignored(), keepAliveMillis);
    }

    private RtspRequest reauthorized(RtspRequest answered, RtspRequest plain, RtspResponse response) {
        if (authorizer != null) {
            throw new MediaException(
                    MediaError.UNAUTHORIZED,
                    answered.method() + " " + answered.url() + ": the camera refused the credentials ("
                            + statusLine(response) + ")");
        }
        if (target.credentials().isEmpty()) {
            throw new MediaException(
                    MediaError.UNAUTHORIZED,
                    answered.method() + " " + answered.url() + " asks for credentials and none are set ("
                            + statusLine(response) + ")");
        }
        authorizer =
                Authorizer.answering(response.challenges(), target.credentials().get(), clientNonces);
        return new RtspRequest(plain.method(), plain.url(), nextCseq(), plain.headers());
    }

    private ConversationStep redirect(RtspRequest answered, RtspResponse response) {
        if (++redirects > MAX_REDIRECTS) {
            throw new MediaException(
                    MediaError.PROTOCOL, "more than " + MAX_REDIRECTS + " redirects, the last from " + answered.url());
        }
        target = Redirect.target(target, answered, response);
        authorizer = null;
        return new Reconnect(target);
    }

    /** The aggregate control: where PLAY, keep-alives and TEARDOWN go. */
    private String playUrl() {
        return description.control().map(c -> ControlUrl.resolve(baseUrl, c)).orElse(baseUrl);
    }

    private RtspRequest send(RtspRequest request) {
        pendingPlain = request;
        pending = decorate(request);
        return pending;
    }

    private RtspRequest outstanding(RtspRequest request) {
        RtspRequest decorated = decorate(request);
        outstanding.put(decorated.cseq(), decorated.method());
        if (outstanding.size() > MAX_OUTSTANDING) {
            outstanding.remove(outstanding.keySet().iterator().next());
        }
        return decorated;
    }

    private RtspRequest decorate(RtspRequest request) {
        RtspRequest withAgent = request.with("User-Agent", target.userAgent());
        return authorizer == null ? withAgent : authorizer.authorize(withAgent);
    }

    private int nextCseq() {
        return ++cseq;
    }

    private void requirePlaying() {
        if (phase != Phase.PLAYING) {
            throw new IllegalStateException("the session does not play yet");
        }
    }

    private static List<RtpInfo> rtpInfo(RtspResponse response) {
        try {
            return response.rtpInfo();
        } catch (MediaException e) {
            return List.of(); // RTP-Info is a hint: the first packets tell the same
        }
    }

    private static boolean sameStream(String rtpInfoUrl, String controlUrl) {
        return rtpInfoUrl.equals(controlUrl) || controlUrl.endsWith("/" + rtpInfoUrl);
    }

    private static void requireSuccess(RtspRequest answered, RtspResponse response) {
        if (!response.isSuccess()) {
            throw new MediaException(
                    MediaError.PROTOCOL,
                    answered.method() + " " + answered.url() + " answered " + statusLine(response));
        }
    }

    static String statusLine(RtspResponse response) {
        return "RTSP/1.0 " + response.statusCode() + (response.reason().isEmpty() ? "" : " " + response.reason());
    }
}
