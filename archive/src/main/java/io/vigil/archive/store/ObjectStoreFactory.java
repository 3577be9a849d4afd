package io.vigil.archive.store;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object store from {@link StorageConfig}, starting the embedded server when no endpoint is set. */
@Factory
public class ObjectStoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    public EmbeddedS3Holder embeddedS3(StorageConfig config) {
        if (!config.embedded()) {
            return new EmbeddedS3Holder(Optional.empty(), Optional.empty());
        }
        if (config.keysConfigured()) {
            LOG.warn(
                    "vigil.storage.access-key and vigil.storage.secret-key are for an external store (vigil.storage.endpoint): the embedded "
                            + "store uses its own credentials in {}",
                    config.embeddedCredentialsFile());
        }
        EmbeddedStoreCredentials credentials =
                EmbeddedStoreCredentials.readOrCreate(config.embeddedCredentialsFile(), new SecureRandom());
        return new EmbeddedS3Holder(
                Optional.of(EmbeddedS3Server.start(
                        config.embeddedDirectory(),
                        config.embeddedPort(),
                        credentials.accessKey(),
                        credentials.secretKey())),
                Optional.of(credentials));
    }

    @Singleton
    @Bean(preDestroy = "close")
    public MinioObjectStore objectStore(StorageConfig config, EmbeddedS3Holder embedded) {
        String endpoint = embedded.server().map(s -> s.endpoint().toString()).orElse(config.endpoint());
        Optional<java.nio.file.Path> localBucket = embedded.server().isPresent() && config.embeddedLocalReads()
                ? Optional.of(config.embeddedDirectory().resolve(config.bucket()))
                : Optional.empty();
        String accessKey =
                embedded.credentials().map(EmbeddedStoreCredentials::accessKey).orElse(config.accessKey());
        String secretKey =
                embedded.credentials().map(EmbeddedStoreCredentials::secretKey).orElse(config.secretKey());
        MinioObjectStore store =
                new MinioObjectStore(endpoint, config.region(), accessKey, secretKey, config.bucket(), localBucket);
        try {
            store.ensureBucket();
        } catch (VigilException e) {
            // Start anyway: recorders report the store as down per segment and retry.
            LOG.error("Object store at {} is not usable yet: {}", endpoint, e.getMessage());
        }
        return store;
    }

    /** The embedded server and its credentials, if this service runs one; closed after the client that uses it. */
    public record EmbeddedS3Holder(Optional<EmbeddedS3Server> server, Optional<EmbeddedStoreCredentials> credentials)
            implements AutoCloseable {
        @Override
        public void close() {
            server.ifPresent(EmbeddedS3Server::close);
        }
    }
}
