package io.vigil.media;

/** The media library's one exception: its {@link MediaError} says what was refused, the message where. */
public final class MediaException extends RuntimeException {

    private final MediaError error;

    public MediaException(MediaError error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    public MediaException(MediaError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = error;
    }

    public MediaError error() {
        return error;
    }
}
