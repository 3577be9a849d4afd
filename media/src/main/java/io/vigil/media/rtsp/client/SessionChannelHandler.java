package io.vigil.media.rtsp.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** The Netty end of one connection of a {@link ClientSession}: hands it what happens, nothing more. */
final class SessionChannelHandler extends ChannelInboundHandlerAdapter {

    private final ClientSession session;

    SessionChannelHandler(ClientSession session) {
        this.session = session;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session.connected(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        try {
            session.read(ctx.channel(), bytes);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.disconnected(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.failed(ctx.channel(), cause);
    }
}
