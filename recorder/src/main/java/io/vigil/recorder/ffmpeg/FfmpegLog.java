package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import io.vigil.camera.RtspUrl;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's own log lines into SLF4J (logger {@code ffmpeg}), with credentials in RTSP URLs
 * redacted: FFmpeg prints the URL it was given, which carries the camera password.
 */
final class FfmpegLog extends LogCallback {

    private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
    private static FfmpegLog instance;

    private FfmpegLog() {}

    /** Installs the callback once per process; FFmpeg logs warnings and errors only. */
    static synchronized void install() {
        if (instance == null) {
            instance = new FfmpegLog();
            instance.retainReference();
            av_log_set_level(AV_LOG_WARNING);
            setLogCallback(instance);
        }
    }

    @Override
    public void call(int level, BytePointer msg) {
        String line = RtspUrl.redact(msg.getString().strip());
        if (line.isEmpty()) {
            return;
        }
        if (level <= AV_LOG_ERROR) {
            LOG.error(line);
        } else if (level <= AV_LOG_WARNING) {
            LOG.warn(line);
        } else if (level <= AV_LOG_INFO) {
            LOG.info(line);
        } else {
            LOG.debug(line);
        }
    }
}
