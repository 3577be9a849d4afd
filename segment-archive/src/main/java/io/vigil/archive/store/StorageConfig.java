package io.vigil.archive.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Where objects go. With no {@code endpoint}, Vigil starts an S3-compatible server of its own on
 * loopback, storing files under {@code embeddedDirectory}; with an endpoint it uses that MinIO/S3.
 *
 * @param endpoint          URL of an external MinIO/S3 (env {@code STORAGE_ENDPOINT}); null: embedded
 * @param accessKey         access key (env {@code STORAGE_ACCESS_KEY})
 * @param secretKey         secret key (env {@code STORAGE_SECRET_KEY}); never logged
 * @param bucket            bucket holding the archive, created if missing
 * @param region            region sent to S3
 * @param embeddedDirectory directory of the embedded store's files
 * @param embeddedPort      loopback port of the embedded store; 0 picks a free one
 * @param embeddedLocalReads bulk reads (clip export, segments, snapshots) of the embedded store use its files
 *                          directly instead of its S3 API; writes, listings and deletes always use the S3 API
 */
@ConfigurationProperties("storage")
public record StorageConfig(
        @Nullable String endpoint,
        @Bindable(defaultValue = "vigil") String accessKey,
        @Bindable(defaultValue = "vigil-embedded-secret") String secretKey,
        @Bindable(defaultValue = "vigil") String bucket,
        @Bindable(defaultValue = "us-east-1") String region,
        @Bindable(defaultValue = "data/objects") Path embeddedDirectory,
        @Bindable(defaultValue = "0") int embeddedPort,
        @Bindable(defaultValue = "true") boolean embeddedLocalReads) {

    public StorageConfig {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("storage.bucket must be a valid S3 bucket name, got: " + bucket);
        }
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("storage.access-key and storage.secret-key must be set");
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("storage.embedded-port must be 0..65535");
        }
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint;
    }

    public boolean embedded() {
        return endpoint == null;
    }

    @Override
    public String toString() {
        return "StorageConfig[endpoint=" + (endpoint == null ? "embedded" : endpoint) + ", bucket=" + bucket + "]";
    }
}
