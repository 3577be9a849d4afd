package io.vigil.recorder.connect;

import io.vigil.camera.RtspUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an engine connects to a camera, once: the camera's URL with its host replaced by the checked address (so
 * nothing resolves the name again to another), the credentials beside it, and FFmpeg's TLS options for
 * {@code rtsps://}. Closing it deletes the pinned certificate file FFmpeg read. Never log the credentials nor
 * {@link #ffmpegUrl()}; {@link #toString()} shows neither.
 *
 * @param url           the URL to connect to: the checked address, no credentials
 * @param username      the RTSP user, or null
 * @param password      the RTSP password, or null
 * @param ffmpegOptions extra FFmpeg options ({@code tls_verify}, {@code ca_file})
 * @param ownCaFile     a certificate file written for this connection only, deleted on close
 */
public record ConnectTarget(
        RtspUrl url, String username, String password, Map<String, String> ffmpegOptions, Optional<Path> ownCaFile)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectTarget.class);

    public ConnectTarget {
        Objects.requireNonNull(url, "url");
        ffmpegOptions = Map.copyOf(ffmpegOptions);
        Objects.requireNonNull(ownCaFile, "ownCaFile");
    }

    /** A target without credentials nor options (tests, a camera without a password). */
    public ConnectTarget(RtspUrl url) {
        this(url, null, null, Map.of(), Optional.empty());
    }

    /** The URL FFmpeg opens: {@link #url} with the credentials percent-encoded into it. Never log it. */
    public String ffmpegUrl() {
        return url.withCredentials(username, password);
    }

    @Override
    public void close() {
        ownCaFile.ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", file, e.toString());
            }
        });
    }

    @Override
    public String toString() {
        return "ConnectTarget[url=" + url + ", username=" + (username == null ? "none" : "set") + ", ffmpegOptions="
                + ffmpegOptions.keySet() + "]";
    }
}
