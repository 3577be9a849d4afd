package io.vigil.media.rtsp;

/** What an RTSP-over-TCP connection carries: interleaved frames and RTSP messages, in any order. */
public sealed interface InterleavedItem permits InterleavedFrame, RtspMessage {}
