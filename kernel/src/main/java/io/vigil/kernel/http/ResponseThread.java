package io.vigil.kernel.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.server.netty.NettyHttpRequest;
import java.util.concurrent.Executor;

/** The thread that writes a request's response and sees its client go: where a {@link PulledBody} hands parts on. */
public final class ResponseThread {

    private ResponseThread() {}

    /**
     * The connection's event loop (the request may come wrapped by filters); without one (not Netty's server) parts
     * are handed on where they are read.
     */
    public static Executor of(HttpRequest<?> request) {
        HttpRequest<?> r = request;
        while (r instanceof HttpRequestWrapper<?> wrapper) {
            r = (HttpRequest<?>) wrapper.getDelegate();
        }
        return r instanceof NettyHttpRequest<?> netty
                ? netty.getChannelHandlerContext().channel().eventLoop()
                : Runnable::run;
    }
}
