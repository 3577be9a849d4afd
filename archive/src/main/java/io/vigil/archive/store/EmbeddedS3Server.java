package io.vigil.archive.store;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.OwnerOnlyDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server (s3proxy with its filesystem blob store) run inside the service on
 * loopback, so that a single-box install needs no separate MinIO. Vigil still talks to it
 * through the MinIO SDK, exactly as it would to a real MinIO.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3Server(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /**
     * Starts the server, storing objects under {@code directory} (made owner-only, 0700), and waits until it listens.
     * Only requests signed with {@code accessKey} and {@code secretKey} are served.
     */
    public static EmbeddedS3Server start(Path directory, int port, String accessKey, String secretKey) {
        try {
            OwnerOnlyDirectory.prepare(directory);
            int chosenPort = port == 0 ? freeLoopbackPort() : port;
            URI endpoint = URI.create("http://127.0.0.1:" + chosenPort);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(
                            directory.toAbsolutePath().toString()))
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .jettyMaxThreads(32)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    proxy.stop();
                    throw new VigilException(
                            ErrorCode.STORAGE_UNAVAILABLE,
                            "embedded object store did not start within " + START_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(10);
            }
            LOG.info("Embedded object store listening on {} (files in {})", endpoint, directory.toAbsolutePath());
            return new EmbeddedS3Server(proxy, endpoint);
        } catch (VigilException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VigilException(
                    ErrorCode.STORAGE_UNAVAILABLE, "interrupted while starting the embedded object store", e);
        } catch (Exception e) {
            throw new VigilException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "cannot start the embedded object store in " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("Embedded object store did not stop cleanly: {}", e.toString());
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
