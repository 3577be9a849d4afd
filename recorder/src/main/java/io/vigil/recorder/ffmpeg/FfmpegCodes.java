package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.vigil.recorder.StreamError;
import java.nio.charset.StandardCharsets;

/** What FFmpeg's negative return codes mean: their text, and the {@link StreamError.Kind} of a failed call. */
final class FfmpegCodes {

    private static final int ECONNREFUSED = 111;
    private static final int EHOSTUNREACH = 113;
    private static final int ENETUNREACH = 101;
    private static final int ETIMEDOUT = 110;
    private static final int EIO = 5;

    private FfmpegCodes() {}

    /** The error of an FFmpeg call that returned {@code code}: what was being done, FFmpeg's text and the code. */
    static StreamError error(String what, int code) {
        return new StreamError(what + ": " + describe(code), kind(code));
    }

    static String describe(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
    }

    static StreamError.Kind kind(int code) {
        if (code == AVERROR_HTTP_UNAUTHORIZED || code == AVERROR_HTTP_FORBIDDEN) {
            return StreamError.Kind.UNAUTHORIZED;
        }
        int errno = -code;
        if (errno == ECONNREFUSED
                || errno == EHOSTUNREACH
                || errno == ENETUNREACH
                || errno == ETIMEDOUT
                || errno == EIO) {
            return StreamError.Kind.UNREACHABLE;
        }
        return StreamError.Kind.STREAM;
    }
}
