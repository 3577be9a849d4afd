package io.vigil.archive.store;

import static io.vigil.archive.store.StoreErrors.noSuchKey;
import static io.vigil.archive.store.StoreErrors.unavailable;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** {@link ObjectStore} on the MinIO Java SDK, Vigil's only object-store client; it lists by {@link BucketContents}. */
public final class MinioObjectStore implements ObjectStore, AutoCloseable {

    private final MinioClient client;
    private final BucketContents contents;
    private final OkHttpClient http;
    private final String bucket;
    private final SignedPut signedPut;
    private final Optional<Path> localBucket;

    public MinioObjectStore(String endpoint, String region, String accessKey, String secretKey, String bucket) {
        this(endpoint, region, accessKey, secretKey, bucket, Optional.empty());
    }

    /**
     * @param localBucket where the store keeps this bucket's objects as files named by their keys, when it runs
     *                    on this machine (the embedded store); reads may then use the files directly
     */
    public MinioObjectStore(
            String endpoint,
            String region,
            String accessKey,
            String secretKey,
            String bucket,
            Optional<Path> localBucket) {
        this.bucket = bucket;
        this.localBucket = localBucket.map(p -> p.toAbsolutePath().normalize());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .retryOnConnectionFailure(true)
                .build();
        this.client = MinioClient.builder()
                .endpoint(endpoint)
                .region(region)
                .credentials(accessKey, secretKey)
                .httpClient(http)
                .build();
        this.contents = new BucketContents(client, bucket);
        this.signedPut = new SignedPut(http, endpoint, bucket, region, accessKey, secretKey, Clock.systemUTC());
    }

    /** Creates the bucket if it does not exist yet. */
    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw unavailable("cannot create or check bucket " + bucket, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) {
        try {
            client.putObject(
                    PutObjectArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .contentType(contentType)
                            .userMetadata(metadata)
                            .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                            .build());
        } catch (Exception e) {
            throw unavailable("cannot store " + key, e);
        }
    }

    /** Bytes whose SHA-256 is known go out in a PUT signed with it ({@link SignedPut}), not through the SDK's copy. */
    @Override
    public void put(String key, byte[] bytes, String sha256Hex, String contentType, Map<String, String> metadata) {
        signedPut.put(key, bytes, sha256Hex, contentType, metadata);
    }

    @Override
    public InputStream read(String key, long offsetBytes, long lengthBytes) {
        try {
            GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key);
            if (offsetBytes > 0) {
                args.offset(offsetBytes);
            }
            if (lengthBytes >= 0) {
                args.offset(Math.max(0, offsetBytes)).length(lengthBytes);
            }
            return client.getObject(args.build());
        } catch (ErrorResponseException e) {
            if (noSuchKey(e)) {
                throw new VigilException(ErrorCode.SEGMENT_NOT_FOUND, "no object " + key);
            }
            throw unavailable("cannot read " + key, e);
        } catch (Exception e) {
            throw unavailable("cannot read " + key, e);
        }
    }

    @Override
    public Optional<Path> localFile(String key) {
        if (localBucket.isEmpty()) {
            return Optional.empty();
        }
        try {
            // a key that would lead out of the bucket's directory (.., an absolute path, NUL) names no file
            Path file = localBucket.get().resolve(key).normalize();
            return file.startsWith(localBucket.get()) && !file.equals(localBucket.get())
                    ? Optional.of(file)
                    : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Map<String, String>> metadata(String key) {
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            Map<String, String> lower = new HashMap<>();
            stat.userMetadata().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            return Optional.of(lower);
        } catch (ErrorResponseException e) {
            if (noSuchKey(e)) {
                return Optional.empty();
            }
            throw unavailable("cannot stat " + key, e);
        } catch (Exception e) {
            throw unavailable("cannot stat " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw unavailable("cannot delete " + key, e);
        }
    }

    @Override
    public Map<String, String> deleteAll(List<String> keys) {
        if (keys.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 keys per delete request, got " + keys.size());
        }
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        if (keys.isEmpty()) {
            return refused;
        }
        try {
            // The SDK sends the request lazily, while its results are iterated: every one must be read.
            for (Result<DeleteError> result : client.removeObjects(RemoveObjectsArgs.builder()
                    .bucket(bucket)
                    .objects(keys.stream().map(DeleteObject::new).toList())
                    .build())) {
                DeleteError error = result.get();
                refused.put(error.objectName(), error.code() + ": " + error.message());
            }
            return refused;
        } catch (Exception e) {
            throw unavailable("cannot delete " + keys.size() + " objects", e);
        }
    }

    @Override
    public boolean holdsAnyUnder(String prefix) {
        return contents.holdsAnyUnder(prefix);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return contents.list(prefix);
    }

    @Override
    public String presignedGet(String key, java.time.Duration validFor) {
        try {
            return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) Math.max(1, validFor.toSeconds()))
                    .build());
        } catch (Exception e) {
            throw unavailable("cannot presign " + key, e);
        }
    }

    @Override
    public boolean reachable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
