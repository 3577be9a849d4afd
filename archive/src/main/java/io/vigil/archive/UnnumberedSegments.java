package io.vigil.archive;

import io.vigil.archive.spool.SpoolConfig;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unnumbered segments: finished segments spooled before numbering may start (the start-up reconciliation has not
 * succeeded yet), one file each, {@code {spool}/{camera}/unnumbered/{startMillis}-{n}.draft}, written to a temporary
 * name and renamed so a crash leaves either a whole file or debris the spool removes. They survive a restart and are
 * numbered, oldest first, once reconciliation succeeds. They count against {@code vigil.spool.max-bytes} with the spool.
 */
@Singleton
public class UnnumberedSegments {

    private static final Logger LOG = LoggerFactory.getLogger(UnnumberedSegments.class);
    private static final int MAGIC = 0x56474431; // "VGD1"
    private static final String DIRECTORY = "unnumbered";

    private final SpoolConfig config;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public UnnumberedSegments(SpoolConfig config) {
        this.config = config;
    }

    /** Writes a draft; {@code otherBytes} is what the spool holds besides, for the shared bound. */
    public synchronized Path add(SegmentDraft d, long otherBytes) {
        Path dir = config.directory().resolve(d.cameraId()).resolve(DIRECTORY);
        long needed = (long) d.bytes().length + d.init().length;
        try {
            for (Path oldest : files(null)) {
                if (otherBytes + sizeBytes() + needed <= config.maxBytes()) {
                    break;
                }
                Files.deleteIfExists(oldest);
                dropped.incrementAndGet();
                LOG.error(
                        "Spool full ({} bytes): dropped unnumbered segment {}",
                        config.maxBytes(),
                        oldest.getFileName());
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(d.start().toEpochMilli() + "-" + counter.incrementAndGet() + ".draft");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, encode(d));
            if (config.fsync()) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new VigilException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "cannot spool an unnumbered segment of camera " + d.cameraId() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The camera's unnumbered segments, oldest first (by start, then by arrival). */
    public List<Path> of(String cameraId) {
        return files(cameraId);
    }

    /** Cameras with unnumbered segments. */
    public Set<String> cameras() {
        return files(null).stream()
                .map(f -> f.getParent().getParent().getFileName().toString())
                .collect(Collectors.toSet());
    }

    public int count(String cameraId) {
        return files(cameraId).size();
    }

    public long sizeBytes() {
        long total = 0;
        for (Path f : files(null)) {
            try {
                total += Files.size(f);
            } catch (IOException gone) {
                // numbered or dropped meanwhile
            }
        }
        return total;
    }

    /** Unnumbered segments dropped because the spool was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Reads a draft back; an unreadable one is removed and reported (empty). */
    public java.util.Optional<SegmentDraft> read(Path file) {
        try {
            return java.util.Optional.of(decode(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            LOG.error("Spool: unnumbered segment {} is unreadable ({}); removed", file, e.toString());
            remove(file);
            return java.util.Optional.empty();
        }
    }

    public void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Spool: cannot delete {}: {}", file, e.toString());
        }
    }

    private List<Path> files(String cameraId) {
        Path root = config.directory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        if (cameraId != null && !root.resolve(cameraId).normalize().getParent().equals(root.normalize())) {
            return List.of(); // not a camera id: never a path outside the spool
        }
        try (Stream<Path> cameras = cameraId == null ? Files.list(root) : Stream.of(root.resolve(cameraId))) {
            return cameras.map(c -> c.resolve(DIRECTORY))
                    .filter(Files::isDirectory)
                    .flatMap(UnnumberedSegments::drafts)
                    .sorted(java.util.Comparator.comparing(UnnumberedSegments::order))
                    .toList();
        } catch (IOException e) {
            LOG.error("Spool directory {} cannot be read: {}", root, e.toString());
            return List.of();
        }
    }

    private static Stream<Path> drafts(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".draft")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** Start millis, then arrival number, zero-padded so that names sort in recording order. */
    private static String order(Path f) {
        String[] parts = f.getFileName().toString().replace(".draft", "").split("-");
        return String.format("%020d-%020d", Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    // the nanos below toEpochMilli(), written beside it
    @SuppressWarnings("JavaInstantGetSecondsGetNano")
    private static byte[] encode(SegmentDraft d) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(d.bytes().length + d.init().length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(d.cameraId());
            out.writeUTF(d.sessionId());
            out.writeLong(d.start().toEpochMilli());
            out.writeInt(d.start().getNano() % 1_000_000);
            out.writeInt(d.durationMillis());
            out.writeBoolean(d.keyframeStart());
            out.writeUTF(d.codecs());
            out.writeInt(d.init().length);
            out.write(d.init());
            out.writeInt(d.bytes().length);
            out.write(d.bytes());
        }
        return bytes.toByteArray();
    }

    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated");
        }
        return bytes;
    }

    private static SegmentDraft decode(byte[] file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not an unnumbered segment file");
            }
            String camera = in.readUTF();
            String session = in.readUTF();
            Instant start = Instant.ofEpochMilli(in.readLong()).plusNanos(in.readInt());
            int duration = in.readInt();
            boolean keyframe = in.readBoolean();
            String codecs = in.readUTF();
            byte[] init = exactly(in, in.readInt());
            byte[] media = exactly(in, in.readInt());
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new SegmentDraft(camera, session, start, duration, media, keyframe, init, codecs);
        }
    }
}
