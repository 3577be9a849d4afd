package io.vigil.archive.spool;

import io.vigil.archive.index.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run left in the spool's directory, read once at start: every complete segment entry (its row in a
 * {@code .properties} file, media and init file present), and the bytes they and the init files take. Debris is
 * removed on the way: temporary files, segment files without their row, entries whose row is unreadable.
 *
 * @param segments  the complete entries, in no particular order
 * @param sizeBytes bytes of their media files and of every init file
 */
record SpoolLeftovers(List<SpooledSegment> segments, long sizeBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolLeftovers.class);

    static SpoolLeftovers scan(Path root, SpoolLayout layout) {
        List<SpooledSegment> segments = new ArrayList<>();
        long sizeBytes = 0;
        if (!Files.isDirectory(root)) {
            return new SpoolLeftovers(segments, 0);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(SpoolFiles.TEMPORARY_SUFFIX)) {
                    Files.deleteIfExists(f);
                } else if (name.endsWith(".m4s") && !Files.exists(SpoolLayout.propertiesOf(f))) {
                    LOG.warn("Spool: removing incomplete segment file {}", f);
                    Files.deleteIfExists(f);
                } else if (name.endsWith(".properties")) {
                    SpooledSegment s = entry(f, layout);
                    if (s != null) {
                        segments.add(s);
                        sizeBytes += Files.size(s.mediaFile());
                    }
                } else if (name.endsWith(".mp4")) {
                    sizeBytes += Files.size(f);
                }
            }
        } catch (IOException e) {
            LOG.error("Spool directory {} cannot be read: {}", root.toAbsolutePath(), e.toString());
        }
        return new SpoolLeftovers(segments, sizeBytes);
    }

    /** The entry a properties file describes, or null (and the entry removed) if it is unusable. */
    private static SpooledSegment entry(Path props, SpoolLayout layout) throws IOException {
        Path media = props.resolveSibling(props.getFileName().toString().replace(".properties", ".m4s"));
        Properties p = SpoolFiles.readProperties(props);
        try {
            Segment s = SpoolLayout.fromProperties(p);
            Path init = layout.fileOf(s.cameraId(), "init", SpoolLayout.fileName(s.initKey()))
                    .orElseThrow(() -> new IllegalStateException("camera or init key names no file in the spool"));
            if (!Files.exists(media) || !Files.exists(init)) {
                throw new IllegalStateException("media or init file missing");
            }
            return new SpooledSegment(s, p.getProperty("codecs", ""), media, init);
        } catch (RuntimeException e) {
            LOG.error("Spool entry {} is unusable ({}); removed", props, e.getMessage());
            Files.deleteIfExists(props);
            Files.deleteIfExists(media);
            return null;
        }
    }
}
