package io.vigil.media.rtsp.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Vigil's RTSP client: plays cameras' H.264/H.265 video and AAC audio over interleaved TCP (RTP and RTCP on the RTSP
 * connection), many sessions on one small group of event-loop threads (epoll where Linux offers it, else NIO), one
 * buffered read handing out many packets from a pooled buffer. One per process. RTP over UDP and {@code rtsps://}
 * are not spoken: a recorder plays those with another engine. A host name is resolved off the event loop.
 */
public final class RtspClient implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final MultiThreadIoEventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final String transportName;
    private final Executor resolver;
    private final SecureRandom random = new SecureRandom();
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();

    private RtspClient(int threads, boolean epoll, Executor resolver) {
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, handlers);
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.transportName = epoll ? "epoll" : "nio";
        this.resolver = resolver;
    }

    /** A client of {@code threads} event-loop threads, epoll when available. */
    public static RtspClient create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one event-loop thread: " + threads);
        }
        return new RtspClient(threads, Epoll.isAvailable(), resolverThreads());
    }

    /**
     * Up to 4 daemon threads for host-name lookups, which block: not the event loops, and not the JDK's common pool,
     * whose one or two threads other work shares (a slow DNS server would stall it). Idle threads end after 30 s.
     */
    private static ThreadPoolExecutor resolverThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "rtsp-resolver");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** "epoll" or "nio". */
    public String transportName() {
        return transportName;
    }

    /**
     * Opens a session at {@code target}: connect, OPTIONS, DESCRIBE (with the credentials if the camera asks),
     * redirects, SETUP of each chosen track, PLAY. The future completes once PLAY is answered, on the session's
     * event-loop thread, or exceptionally with a {@link MediaException}: {@link MediaError#UNREACHABLE},
     * {@link MediaError#UNAUTHORIZED}, {@link MediaError#TIMEOUT}, {@link MediaError#PROTOCOL},
     * {@link MediaError#UNSUPPORTED}, or what the camera's bytes broke. The listener hears of a session only once the
     * future completed normally. Cancelling the future gives the opening up: its connection is closed.
     */
    public CompletableFuture<RtspSession> open(RtspTarget target, RtspSession.Listener listener) {
        return open(target, url -> true, listener);
    }

    /**
     * {@link #open(RtspTarget, RtspSession.Listener)}, following a redirect only where {@code mayRedirectTo} allows:
     * a redirect elsewhere fails the opening with {@link MediaError#PROTOCOL}, before anything connects there (a
     * caller that checked the camera's address keeps redirects on it).
     */
    public CompletableFuture<RtspSession> open(
            RtspTarget target, Predicate<URI> mayRedirectTo, RtspSession.Listener listener) {
        EventLoop loop = group.next();
        RtspConversation conversation = new RtspConversation(target, this::clientNonce);
        Consumer<ClientSession> reconnect = redirected -> {
            URI to = redirected.target().url();
            if (mayRedirectTo.test(to)) {
                connect(redirected);
            } else {
                redirected.unreachable(new MediaException(
                        MediaError.PROTOCOL,
                        "the camera redirects to " + to.getHost() + ":"
                                + redirected.target().port() + ", where this client may not follow it"));
            }
        };
        ClientSession session = new ClientSession(
                loop, reconnect, conversation, listener, transportName, random.nextInt() & 0xFFFF_FFFFL);
        sessions.add(session);
        CompletableFuture<Void> unused = session.closed().whenComplete((ignored, e) -> sessions.remove(session));
        connect(session);
        return session.opened();
    }

    /** Connects {@code session} to its target (again, after a redirect), on its loop. */
    private void connect(ClientSession session) {
        RtspTarget target = session.target();
        String host = target.url().getHost();
        CompletableFuture<InetAddress> unused = CompletableFuture.supplyAsync(() -> resolve(host), resolver)
                .whenCompleteAsync(
                        (address, error) -> {
                            if (error != null) {
                                session.unreachable(
                                        new MediaException(MediaError.UNREACHABLE, "cannot resolve " + host));
                                return;
                            }
                            ChannelFuture connecting = new Bootstrap()
                                    .group(session.loop())
                                    .channel(channelType)
                                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(
                                            Integer.MAX_VALUE,
                                            target.connectTimeout().toMillis()))
                                    .option(ChannelOption.TCP_NODELAY, true)
                                    .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                                    .handler(new SessionChannelHandler(session))
                                    .connect(new InetSocketAddress(address, target.port()));
                            connecting.addListener(done -> {
                                if (!done.isSuccess()) {
                                    session.unreachable(unreachable(target, done.cause()));
                                }
                            });
                        },
                        session.loop());
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MediaException unreachable(RtspTarget target, Throwable cause) {
        String where = target.url().getHost() + ":" + target.port();
        String why = cause instanceof ConnectTimeoutException
                ? "no connection within " + target.connectTimeout().toMillis() + " ms"
                : cause instanceof ConnectException
                        ? "the camera refused the connection"
                        : cause instanceof NoRouteToHostException
                                ? "no route to the camera"
                                : "connection failed: " + cause.getMessage();
        return new MediaException(MediaError.UNREACHABLE, where + ": " + why, cause);
    }

    private String clientNonce() {
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    /**
     * Closes every open session (TEARDOWN, bounded), then stops the event loops; blocks for a few seconds at most.
     * Not from a session's thread (a listener): it waits for those threads.
     */
    @Override
    public void close() {
        CompletableFuture<?>[] closing = sessions.stream()
                .peek(ClientSession::close)
                .map(ClientSession::closed)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // sessions that did not close in time are cut by the shutdown below
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_WAIT.toMillis());
        if (resolver instanceof ThreadPoolExecutor pool) {
            pool.shutdown();
        }
    }
}
