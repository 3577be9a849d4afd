package io.vigil.media.rtsp.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.rtsp.InterleavedDecoder;
import io.vigil.media.rtsp.InterleavedFrame;
import io.vigil.media.rtsp.InterleavedItem;
import io.vigil.media.rtsp.RtspMessage;
import io.vigil.media.rtsp.RtspMethod;
import io.vigil.media.rtsp.RtspRequest;
import io.vigil.media.rtsp.RtspResponse;
import io.vigil.media.rtsp.StreamLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One session of {@link RtspClient}: drives its {@link RtspConversation} over the connection (a new one after a
 * redirect), then hands the packets to the listener and keeps the session alive (keep-alives, receiver reports, the
 * stall check). Everything runs on the one event loop the session was given; {@link #close()} hops onto it.
 */
final class ClientSession {

    static final long RECEIVER_REPORT_INTERVAL_MILLIS = 5_000;
    static final long TEARDOWN_TIMEOUT_MILLIS = 2_000;

    private final EventLoop loop;
    private final Consumer<ClientSession> connector;
    private final RtspConversation conversation;
    private final RtspSession.Listener listener;
    private final String transportName;
    private final long reporterSsrc;
    private final CompletableFuture<RtspSession> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final SessionCounts counts = new SessionCounts();

    private Channel channel;
    private InterleavedDecoder decoder;
    private ConversationStep.Playing playing;
    private PacketRouter router;
    private boolean closing;
    private boolean ended;
    private long readNanos;

    ClientSession(
            EventLoop loop,
            Consumer<ClientSession> connector,
            RtspConversation conversation,
            RtspSession.Listener listener,
            String transportName,
            long reporterSsrc) {
        this.loop = loop;
        this.connector = connector;
        this.conversation = conversation;
        this.listener = listener;
        this.transportName = transportName;
        this.reporterSsrc = reporterSsrc;
        // a caller that gives the opening up (cancels it) closes the connection, whatever step it was at
        CompletableFuture<RtspSession> unused = opened.whenComplete((session, error) -> {
            if (opened.isCancelled()) {
                loop.execute(() -> end(new MediaException(MediaError.TIMEOUT, "the opening was given up")));
            }
        });
    }

    CompletableFuture<RtspSession> opened() {
        return opened;
    }

    EventLoop loop() {
        return loop;
    }

    RtspTarget target() {
        return conversation.target();
    }

    // ---- the connection's events, on the loop

    void connected(Channel connected) {
        if (ended) {
            ChannelFuture unused = connected.close();
            return;
        }
        channel = connected;
        decoder = new InterleavedDecoder(StreamLimits.DEFAULT);
        send(conversation.start());
    }

    void read(Channel from, ByteBuf bytes) {
        if (from != channel || ended) {
            return;
        }
        readNanos = System.nanoTime();
        try {
            for (ByteBuffer chunk : bytes.nioBuffers()) {
                decoder.feed(chunk, this::item);
                if (ended) {
                    return;
                }
            }
        } catch (MediaException e) {
            end(e);
        } catch (RuntimeException e) {
            end(new MediaException(MediaError.PROTOCOL, "the camera's answer could not be used: " + e.getMessage(), e));
        }
    }

    void disconnected(Channel from) {
        if (from != channel || ended) {
            return;
        }
        if (closing) {
            end(null);
        } else {
            end(new MediaException(
                    MediaError.CONNECTION_CLOSED,
                    "the camera closed the connection" + (playing == null ? " before PLAY was answered" : "")));
        }
    }

    void failed(Channel from, Throwable cause) {
        if (from != channel || ended) {
            return;
        }
        end(
                cause instanceof IOException
                        ? new MediaException(
                                MediaError.CONNECTION_CLOSED, "connection error: " + cause.getMessage(), cause)
                        : new MediaException(MediaError.PROTOCOL, "unexpected: " + cause, cause));
    }

    /** The connection could not be made (refused, timed out, name unknown). */
    void unreachable(MediaException cause) {
        end(cause);
    }

    // ---- what came in

    private void item(InterleavedItem item) {
        if (ended) {
            return;
        }
        if (item instanceof InterleavedFrame frame) {
            if (router == null) {
                counts.packetsBeforePlay.incrementAndGet();
            } else {
                router.route(frame, readNanos);
            }
        } else if (item instanceof RtspMessage message && message.isResponse()) {
            step(conversation.onResponse(RtspResponse.of(message)));
        }
        // a request from the camera (ANNOUNCE, SET_PARAMETER, ...) is not answered: the session goes on
    }

    private void step(ConversationStep step) {
        if (step instanceof ConversationStep.Send send) {
            send(send.request());
        } else if (step instanceof ConversationStep.Reconnect) {
            Channel old = channel;
            channel = null;
            ChannelFuture unused = old.close();
            connector.accept(this);
        } else if (step instanceof ConversationStep.Playing play) {
            play(play);
        } else if (step instanceof ConversationStep.Answered answered) {
            if (answered.method() == RtspMethod.TEARDOWN) {
                end(null);
            } else if (answered.statusCode() >= 200 && answered.statusCode() < 300) {
                counts.keepAlivesAnswered.incrementAndGet();
            }
        }
    }

    private void play(ConversationStep.Playing play) {
        router = new PacketRouter(play.tracks(), listener, counts, this::end, System.nanoTime());
        playing = play;
        every(play.keepAliveIntervalMillis(), () -> send(conversation.keepAlive()));
        every(RECEIVER_REPORT_INTERVAL_MILLIS, this::sendReceiverReports);
        long stallMillis = target().stallTimeout().toMillis();
        every(Math.max(50, Math.min(1_000, stallMillis / 4)), this::checkStall);
        PlayingSession session = new PlayingSession(play, this, transportName);
        try {
            listener.onPlaying(session);
        } catch (MediaException e) {
            end(e);
            return;
        } catch (RuntimeException e) {
            end(new MediaException(MediaError.LISTENER_FAILED, "the session's listener threw " + e, e));
            return;
        }
        opened.complete(session);
    }

    // ---- what goes out

    private void send(RtspRequest request) {
        if (channel == null || ended) {
            return;
        }
        write(request.bytes());
        long timeoutMillis = request.method() == RtspMethod.TEARDOWN
                ? TEARDOWN_TIMEOUT_MILLIS
                : target().requestTimeout().toMillis();
        int cseq = request.cseq();
        Channel sentOn = channel;
        Future<?> unused = loop.schedule(
                () -> {
                    if (channel == sentOn && !ended && conversation.awaits(cseq)) {
                        if (request.method() == RtspMethod.TEARDOWN) {
                            end(null);
                        } else {
                            end(new MediaException(
                                    MediaError.TIMEOUT,
                                    request.method() + " " + request.url() + " not answered within " + timeoutMillis
                                            + " ms"));
                        }
                    }
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Writes {@code bytes}; a write that fails closes the connection, which ends the session. */
    private void write(byte[] bytes) {
        ChannelFuture unused = channel.writeAndFlush(Unpooled.wrappedBuffer(bytes))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void sendReceiverReports() {
        for (byte[] frame : router.receiverReportFrames(reporterSsrc, System.nanoTime())) {
            write(frame);
            counts.receiverReportsSent.incrementAndGet();
        }
    }

    private void checkStall() {
        long silentNanos = System.nanoTime() - router.lastRtpNanos();
        if (silentNanos > target().stallTimeout().toNanos()) {
            end(new MediaException(
                    MediaError.TIMEOUT, "no packet for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s"));
        }
    }

    private void every(long periodMillis, Runnable task) {
        timers.add(loop.scheduleAtFixedRate(
                () -> {
                    if (ended || closing) {
                        return; // a closing session waits for its TEARDOWN answer only
                    }
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        end(new MediaException(MediaError.PROTOCOL, "unexpected: " + e, e));
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS));
    }

    // ---- the end

    /** TEARDOWN, its answer waited for {@value #TEARDOWN_TIMEOUT_MILLIS} ms at most, then the connection closed. */
    void close() {
        loop.execute(() -> {
            if (ended || closing) {
                return;
            }
            closing = true;
            if (playing != null && channel != null && channel.isActive()) {
                send(conversation.teardown());
            } else {
                end(null);
            }
        });
    }

    /** Ends the session once: timers stopped, connection closed, the opener or the listener told. */
    private void end(MediaException cause) {
        if (ended) {
            return;
        }
        ended = true;
        timers.forEach(timer -> timer.cancel(false));
        if (channel != null) {
            ChannelFuture unused = channel.close();
        }
        if (!opened.isDone()) {
            opened.completeExceptionally(
                    cause != null ? cause : new MediaException(MediaError.CONNECTION_CLOSED, "closed before PLAY"));
        } else if (!opened.isCompletedExceptionally()) {
            try {
                listener.onClosed(cause);
            } catch (RuntimeException ignored) {
                // the session is over: nothing is left to close with it
            }
        }
        closed.complete(null);
    }

    // ---- what PlayingSession shows

    RtspSessionCounters counters() {
        return counts.snapshot();
    }

    CompletableFuture<Void> closed() {
        return closed;
    }
}
