package io.vigil.archive.store;

import static io.vigil.archive.store.StoreErrors.unavailable;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.vigil.archive.store.ObjectStore.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The objects of one bucket under a key prefix, through the SDK's ListObjects (every page, every depth): all of them
 * in key order, or only whether there is any. {@link MinioObjectStore}'s listing part.
 */
final class BucketContents {

    private final MinioClient client;
    private final String bucket;

    BucketContents(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** True if at least one object's key starts with {@code prefix}: a listing of one key, not all of them. */
    boolean holdsAnyUnder(String prefix) {
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .maxKeys(1)
                    .build())) {
                result.get();
                return true;
            }
            return false;
        } catch (Exception e) {
            throw unavailable("cannot list " + prefix, e);
        }
    }

    /** Every object under {@code prefix}, in lexical key order. */
    List<StoredObject> list(String prefix) {
        try {
            List<StoredObject> objects = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                Item item = result.get();
                objects.add(new StoredObject(item.objectName(), item.size()));
            }
            objects.sort(Comparator.comparing(StoredObject::key));
            return objects;
        } catch (Exception e) {
            throw unavailable("cannot list " + prefix, e);
        }
    }
}
