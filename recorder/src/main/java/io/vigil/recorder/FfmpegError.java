package io.vigil.recorder;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** An FFmpeg call failed: the return code, what was being done, and what kind of failure it is. */
final class FfmpegError extends Exception {

    /** What a failure means for the camera's state. */
    enum Kind {
        UNAUTHORIZED,
        UNREACHABLE,
        STREAM
    }

    private static final int ECONNREFUSED = 111;
    private static final int EHOSTUNREACH = 113;
    private static final int ENETUNREACH = 101;
    private static final int ETIMEDOUT = 110;
    private static final int EIO = 5;

    private final int code;
    private final Kind kind;

    FfmpegError(String what, int code) {
        super(what + ": " + describe(code));
        this.code = code;
        this.kind = classify(code);
    }

    FfmpegError(String what, Kind kind) {
        super(what);
        this.code = 0;
        this.kind = kind;
    }

    int code() {
        return code;
    }

    Kind kind() {
        return kind;
    }

    static String describe(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }

    private static Kind classify(int code) {
        if (code == AVERROR_HTTP_UNAUTHORIZED || code == AVERROR_HTTP_FORBIDDEN) {
            return Kind.UNAUTHORIZED;
        }
        int errno = -code;
        if (errno == ECONNREFUSED
                || errno == EHOSTUNREACH
                || errno == ENETUNREACH
                || errno == ETIMEDOUT
                || errno == EIO) {
            return Kind.UNREACHABLE;
        }
        return Kind.STREAM;
    }
}
