package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DECODER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DEMUXER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_BAD_REQUEST;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_OTHER_4XX;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_SERVER_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_TOO_MANY_REQUESTS;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PATCHWELCOME;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PROTOCOL_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_STREAM_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.vigil.recorder.StreamError;
import java.nio.charset.StandardCharsets;

/**
 * What FFmpeg's negative return codes mean: words for the camera's status ({@link #words}), FFmpeg's own text with
 * the code for the log ({@link #describe}), and the {@link StreamError.Kind} of a failed call.
 */
final class FfmpegCodes {

    private static final int EIO = 5;
    private static final int ENOMEM = 12;
    private static final int EACCES = 13;
    private static final int EINVAL = 22;
    private static final int EPIPE = 32;
    private static final int ENETUNREACH = 101;
    private static final int ECONNRESET = 104;
    private static final int ETIMEDOUT = 110;
    private static final int ECONNREFUSED = 111;
    private static final int EHOSTUNREACH = 113;

    private FfmpegCodes() {}

    /**
     * The error of an FFmpeg call that returned {@code code}: what was being done and what the code means, in words;
     * FFmpeg's own text and the code go to the error's log detail only.
     */
    static StreamError error(String what, int code) {
        return new StreamError(what + ": " + words(code), kind(code), "FFmpeg: " + describe(code));
    }

    /** FFmpeg's own text of {@code code} and the code, for the log: "Invalid data found when processing input (-1094995529)". */
    static String describe(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
    }

    /** What {@code code} means for someone watching the camera, in words and without the number. */
    static String words(int code) {
        if (code == AVERROR_HTTP_UNAUTHORIZED) {
            return "authorization failed (401 Unauthorized)";
        }
        if (code == AVERROR_HTTP_FORBIDDEN) {
            return "the camera refused access (403 Forbidden)";
        }
        if (code == AVERROR_HTTP_NOT_FOUND) {
            return "the camera has no stream at this address (404 Not Found)";
        }
        if (code == AVERROR_HTTP_BAD_REQUEST) {
            return "the camera refused the request (400 Bad Request)";
        }
        if (code == AVERROR_HTTP_TOO_MANY_REQUESTS) {
            return "the camera is serving too many clients (429 Too Many Requests)";
        }
        if (code == AVERROR_HTTP_OTHER_4XX) {
            return "the camera refused the request";
        }
        if (code == AVERROR_HTTP_SERVER_ERROR) {
            return "the camera failed to answer the request (server error)";
        }
        if (code == AVERROR_INVALIDDATA) {
            return "the camera's answer or stream could not be read";
        }
        if (code == AVERROR_EOF) {
            return "the stream ended";
        }
        if (code == AVERROR_EXIT) {
            return "stopped";
        }
        if (code == AVERROR_PATCHWELCOME) {
            return "the stream uses a feature FFmpeg does not support";
        }
        if (code == AVERROR_STREAM_NOT_FOUND) {
            return "the camera's stream has no track Vigil can record";
        }
        if (code == AVERROR_PROTOCOL_NOT_FOUND || code == AVERROR_DEMUXER_NOT_FOUND) {
            return "this kind of stream address is not supported";
        }
        if (code == AVERROR_DECODER_NOT_FOUND) {
            return "the stream's codec is not supported";
        }
        return switch (-code) {
            case ECONNREFUSED -> "the camera refused the connection";
            case EHOSTUNREACH -> "the camera's host is unreachable";
            case ENETUNREACH -> "the camera's network is unreachable";
            case ETIMEDOUT -> "the camera did not answer in time";
            case ECONNRESET, EPIPE -> "the camera closed the connection";
            case EIO -> "the connection to the camera failed";
            case EACCES -> "access denied";
            case ENOMEM -> "out of memory";
            case EINVAL -> "FFmpeg refused a setting for this stream";
            default -> "FFmpeg failed (see the log)";
        };
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
