package io.vigil.archive.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * Where objects go. With no {@code endpoint}, Vigil starts an S3-compatible server of its own on
 * loopback, storing files under {@code embeddedDirectory}; with an endpoint it uses that MinIO/S3.
 *
 * @param endpoint          URL of an external MinIO/S3 (env {@code VIGIL_STORAGE_ENDPOINT}); null: embedded
 * @param accessKey         access key of the external store (env {@code VIGIL_STORAGE_ACCESS_KEY}); the embedded store's
 *                          pair is made per installation in {@code embeddedCredentialsFile} instead
 * @param secretKey         secret key of the external store (env {@code VIGIL_STORAGE_SECRET_KEY}); never logged
 * @param bucket            bucket holding the archive, created if missing
 * @param region            region sent to S3
 * @param embeddedDirectory directory of the embedded store's files
 * @param embeddedPort      loopback port of the embedded store; 0 picks a free one
 * @param embeddedLocalReads bulk reads (clip export, segments, snapshots) of the embedded store use its files
 *                          directly instead of its S3 API; writes, listings and deletes always use the S3 API
 * @param embeddedCredentialsFile the embedded store's random access and secret key (0600, made on first start);
 *                          null: {@code embedded-store.credentials} beside {@code embeddedDirectory}
 */
@ConfigurationProperties("vigil.storage")
public record StorageConfig(
        @Nullable String endpoint,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @Bindable(defaultValue = "vigil") String bucket,
        @Bindable(defaultValue = "us-east-1") String region,
        @Bindable(defaultValue = "data/objects") Path embeddedDirectory,
        @Bindable(defaultValue = "0") int embeddedPort,
        @Bindable(defaultValue = "true") boolean embeddedLocalReads,
        @Nullable Path embeddedCredentialsFile) {

    public StorageConfig {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("vigil.storage.bucket must be a valid S3 bucket name, got: " + bucket);
        }
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint;
        if (endpoint != null
                && (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank())) {
            throw new IllegalArgumentException(
                    "vigil.storage.access-key and vigil.storage.secret-key must be set with vigil.storage.endpoint");
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("vigil.storage.embedded-port must be 0..65535");
        }
        if (embeddedCredentialsFile == null) {
            embeddedCredentialsFile =
                    embeddedDirectory.toAbsolutePath().normalize().resolveSibling("embedded-store.credentials");
        }
    }

    public boolean embedded() {
        return endpoint == null;
    }

    /** Whether access or secret key is set, which only an external store uses. */
    public boolean keysConfigured() {
        return (accessKey != null && !accessKey.isBlank()) || (secretKey != null && !secretKey.isBlank());
    }

    @Override
    public String toString() {
        return "StorageConfig[endpoint=" + (endpoint == null ? "embedded" : endpoint) + ", bucket=" + bucket + "]";
    }
}
