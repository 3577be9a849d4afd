package io.vigil.recorder.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What FFmpeg opens for one connection to a camera: the URL (with credentials: never log it) naming the checked
 * address, and FFmpeg's TLS options for {@code rtsps://}. Closing it deletes the pinned certificate file FFmpeg read.
 *
 * @param url       the URL for FFmpeg
 * @param options   extra FFmpeg options ({@code tls_verify}, {@code ca_file})
 * @param ownCaFile a certificate file written for this connection only, deleted on close
 */
public record ConnectTarget(String url, Map<String, String> options, Optional<Path> ownCaFile)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectTarget.class);

    public ConnectTarget {
        Objects.requireNonNull(url, "url");
        options = Map.copyOf(options);
        Objects.requireNonNull(ownCaFile, "ownCaFile");
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
        return "ConnectTarget[options=" + options.keySet() + "]";
    }
}
