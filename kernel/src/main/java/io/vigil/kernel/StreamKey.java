package io.vigil.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * How the archive, the spool, object keys, live edges and the status board name one recorded stream (glossary:
 * stream key): the camera id for its main stream, so everything recorded before cameras had streams stays the main
 * stream's without a migration, and {@code {id}.sub} for its sub stream. A dot never occurs in a camera id, so no key
 * of one camera's sub stream is another camera's, and no key can name another path.
 *
 * @param cameraId the camera
 * @param stream   which of its streams
 */
public record StreamKey(CameraId cameraId, StreamName stream) {

    private static final String SUB_SUFFIX = ".sub";
    /** The longest key: a 63-character camera id and {@code .sub}. */
    public static final int MAX_LENGTH = 67;

    public StreamKey {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(stream, "stream");
    }

    public static StreamKey main(String cameraId) {
        return new StreamKey(new CameraId(cameraId), StreamName.MAIN);
    }

    public static StreamKey of(String cameraId, StreamName stream) {
        return new StreamKey(new CameraId(cameraId), stream);
    }

    /** The key's text: {@code lobby} or {@code lobby.sub}. */
    public String value() {
        return stream == StreamName.MAIN ? cameraId.value() : cameraId.value() + SUB_SUFFIX;
    }

    /** The stream {@code value} names, or empty if it is not a stream key. */
    public static Optional<StreamKey> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.endsWith(SUB_SUFFIX)) {
            String camera = value.substring(0, value.length() - SUB_SUFFIX.length());
            return CameraId.isValid(camera)
                    ? Optional.of(new StreamKey(new CameraId(camera), StreamName.SUB))
                    : Optional.empty();
        }
        return CameraId.isValid(value)
                ? Optional.of(new StreamKey(new CameraId(value), StreamName.MAIN))
                : Optional.empty();
    }

    public static boolean isValid(String value) {
        return parse(value).isPresent();
    }

    /** The camera a key's stream belongs to; {@code value} must be a stream key. */
    public static String cameraOf(String value) {
        return parse(value)
                .orElseThrow(() -> new IllegalArgumentException("not a stream key: " + CameraId.printable(value)))
                .cameraId()
                .value();
    }

    @Override
    public String toString() {
        return value();
    }
}
