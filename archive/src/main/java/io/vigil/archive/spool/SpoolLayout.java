package io.vigil.archive.spool;

import io.vigil.archive.index.Segment;
import io.vigil.kernel.StreamKey;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The spool on disk: {@code {dir}/{camera}/{sequence:19 digits}.m4s} with its row beside it in a {@code .properties}
 * file (written last, so a segment without one is incomplete), and {@code {dir}/{camera}/init/{name}.mp4}. Names only
 * files inside the spool's directory, whatever the camera id or key. Pure: no file is read or written here.
 */
final class SpoolLayout {

    private final Path root;

    SpoolLayout(Path root) {
        this.root = root;
    }

    /**
     * {@code {dir}/{camera}/{names...}}, or empty when the camera id is malformed or the names would lead out of the
     * camera's directory (separators, {@code ..}, NUL): nothing outside the spool is ever named.
     */
    Optional<Path> fileOf(String cameraId, String... names) {
        if (!StreamKey.isValid(cameraId)) {
            return Optional.empty();
        }
        Path cameraDir = root.resolve(cameraId);
        try {
            Path file = cameraDir;
            for (String name : names) {
                file = file.resolve(name);
            }
            file = file.normalize();
            return file.startsWith(cameraDir) && !file.equals(cameraDir) && file.startsWith(root)
                    ? Optional.of(file)
                    : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    static Path propertiesOf(Path media) {
        return media.resolveSibling(media.getFileName().toString().replace(".m4s", ".properties"));
    }

    static String mediaName(long sequence) {
        return String.format("%019d.m4s", sequence);
    }

    /** The last part of an object key: an init segment's file name in the spool. */
    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    static Properties toProperties(Segment s, String codecs) {
        Properties p = new Properties();
        p.setProperty("camera", s.cameraId());
        p.setProperty("sequence", Long.toString(s.sequence()));
        p.setProperty("session", s.sessionId());
        p.setProperty("start", s.start().toString());
        p.setProperty("durationMillis", Integer.toString(s.durationMillis()));
        p.setProperty("sizeBytes", Long.toString(s.sizeBytes()));
        p.setProperty("objectKey", s.objectKey());
        p.setProperty("initKey", s.initKey());
        p.setProperty("keyframeStart", Boolean.toString(s.keyframeStart()));
        p.setProperty("sha256", s.sha256());
        p.setProperty("codecs", codecs);
        return p;
    }

    static Segment fromProperties(Properties p) {
        return new Segment(
                p.getProperty("camera"),
                Long.parseLong(p.getProperty("sequence")),
                p.getProperty("session"),
                Instant.parse(p.getProperty("start")),
                Integer.parseInt(p.getProperty("durationMillis")),
                Long.parseLong(p.getProperty("sizeBytes")),
                p.getProperty("objectKey"),
                p.getProperty("initKey"),
                Boolean.parseBoolean(p.getProperty("keyframeStart")),
                p.getProperty("sha256"));
    }
}
