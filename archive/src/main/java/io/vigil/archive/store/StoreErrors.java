package io.vigil.archive.store;

import io.minio.errors.ErrorResponseException;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;

/**
 * How the MinIO SDK's failures become Vigil's: an S3 {@code NoSuchKey} answer means no such object, anything else
 * (an error answer, no answer, a broken connection) {@code STORAGE_UNAVAILABLE} naming what was attempted.
 */
final class StoreErrors {

    private StoreErrors() {}

    /** True if the store answered that the object does not exist. */
    static boolean noSuchKey(ErrorResponseException e) {
        return "NoSuchKey".equals(e.errorResponse().code());
    }

    /** {@code STORAGE_UNAVAILABLE}: {@code what} could not be done, and the SDK's reason. */
    static VigilException unavailable(String what, Exception e) {
        return new VigilException(
                ErrorCode.STORAGE_UNAVAILABLE,
                what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                e);
    }
}
