package io.vigil.investigation.incident;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.hook.FootageExports;
import io.vigil.kernel.http.PulledBody;
import io.vigil.media.zip.ZipStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SortedMap;
import java.util.concurrent.Executor;

/**
 * One incident's package, written as it is read: a ZIP ({@link ZipStream}, entries stored) of the incident's text
 * files, each camera's clip with its signed manifest, the export key, and {@code SHA256SUMS} of them all with its
 * signature. No temporary file: each {@link #nextPart} writes the next files, or the next part of a clip, into one
 * buffer that is composed, not copied, of the ZIP's own bytes and the clip's parts as the export lends them. A clip's
 * bytes are hashed once, on another thread as they pass ({@link ClipHash}), for its manifest and for
 * {@code SHA256SUMS}. A camera whose range cannot be exported (nothing recorded in it, codecs changing within it) gets
 * a text saying why instead.
 */
final class IncidentPackage implements PulledBody.Source {

    /** About how much one part holds (a clip's part may take it beyond). */
    static final int PART_BYTES = 256 * 1024;

    /** More components than a part ever holds (a few: ZIP bytes around one clip part), so none is copied together. */
    private static final int MAX_COMPONENTS = 64;

    /** One step of writing the package: true when done, false to be called again. */
    private interface Step {
        boolean run() throws IOException;
    }

    /** What goes into a package besides the clips. */
    record Contents(Incident incident, byte[] incidentJson, byte[] eventsJson, byte[] eventsCsv, byte[] auditCsv) {}

    private final Deque<Step> steps = new ArrayDeque<>();
    private final SortedMap<String, String> sums = PackageFiles.byPath();
    private final FootageExports exports;
    private final ByteBufAllocator allocator;
    private final String directory;
    private final TimeRange range;
    private final Instant exportedAt;
    private final ZipStream zip;
    private final Executor hashing;
    private CompositeByteBuf out;
    private ByteBuf written;
    private ByteBuf lent;
    private volatile FootageExports.Clip clip;
    private volatile ClipHash clipHash;
    private long clipSizeBytes;
    private volatile boolean closed;

    IncidentPackage(
            Contents contents,
            FootageExports exports,
            Instant exportedAt,
            ByteBufAllocator allocator,
            Executor hashing) {
        Incident incident = contents.incident();
        this.exports = exports;
        this.allocator = allocator;
        this.directory = PackageFiles.directory(incident.id());
        this.range = new TimeRange(incident.start(), incident.end());
        this.exportedAt = exportedAt;
        this.hashing = hashing;
        this.zip = new ZipStream(this::emit);
        String pem = exports.publicKeyPem();
        steps.add(() ->
                file(PackageFiles.README, PackageFiles.readme(incident, exportedAt, PackageFiles.keyFingerprint(pem))));
        steps.add(() -> file(PackageFiles.INCIDENT, contents.incidentJson()));
        steps.add(() -> file(PackageFiles.EVENTS_JSON, contents.eventsJson()));
        steps.add(() -> file(PackageFiles.EVENTS_CSV, contents.eventsCsv()));
        steps.add(() -> file(PackageFiles.AUDIT, contents.auditCsv()));
        incident.cameraIds().forEach(camera -> steps.add(() -> clipOf(camera)));
        steps.add(() -> file(PackageFiles.KEY, pem.getBytes(StandardCharsets.UTF_8)));
        steps.add(this::signedSums);
    }

    /** The package's next bytes, or null after its end. */
    @Override
    public synchronized ByteBuf nextPart() throws IOException {
        if (closed) {
            throw new IOException("the package was closed");
        }
        if (steps.isEmpty()) {
            return null;
        }
        out = allocator.compositeBuffer(MAX_COMPONENTS);
        try {
            while (!steps.isEmpty() && partBytes() < PART_BYTES && !closed) {
                if (steps.peek().run()) {
                    steps.poll();
                }
            }
            addWritten();
            ByteBuf part = out;
            out = null;
            return part;
        } catch (IOException | RuntimeException e) {
            release(written);
            written = null;
            out.release();
            out = null;
            close();
            throw e;
        }
    }

    /**
     * Where the ZIP's bytes go: the clip part being written ({@link #lent}) joins the part as it is; everything else
     * (headers, the text files, the central directory: a few kilobytes) is copied, since the ZIP lends it only for the
     * call. All of it off-heap, as the clip's parts are: a part with a heap component would be copied whole on sending.
     */
    private void emit(ByteBuffer bytes) {
        if (lent != null) {
            addWritten();
            out.addComponent(true, lent);
            lent = null;
            return;
        }
        if (written == null) {
            written = allocator.directBuffer(Math.max(bytes.remaining(), 4096));
        }
        written.writeBytes(bytes);
    }

    private void addWritten() {
        if (written != null) {
            out.addComponent(true, written);
            written = null;
        }
    }

    private int partBytes() {
        return out.readableBytes() + (written == null ? 0 : written.readableBytes());
    }

    private static void release(ByteBuf buffer) {
        if (buffer != null) {
            buffer.release();
        }
    }

    /** Stops: the clip being read releases what it read ahead. Any thread, any number of times. */
    @Override
    public void close() {
        closed = true;
        ClipHash hashingClip = clipHash;
        if (hashingClip != null) {
            hashingClip.abandon();
        }
        FootageExports.Clip reading = clip;
        if (reading != null) {
            reading.close();
        }
    }

    private boolean file(String path, byte[] content) throws IOException {
        zip.entry(directory + "/" + path, exportedAt, content);
        sums.put(path, Sha256.hex(content));
        return true;
    }

    /** A camera's clip: opened, then one part per call, then its manifest and the manifest's signature. */
    private boolean clipOf(String camera) throws IOException {
        if (clip == null) {
            FootageExports.Clip opened;
            try {
                opened = exports.open(camera, range);
            } catch (VigilException e) {
                return file(
                        PackageFiles.cameraFile(camera, "NOT-EXPORTED.txt"),
                        PackageFiles.notExported(camera, e.getMessage()));
            }
            clip = opened;
            clipHash = new ClipHash(hashing);
            clipSizeBytes = 0;
            zip.beginEntry(directory + "/" + PackageFiles.cameraFile(camera, "clip.mp4"), exportedAt);
        }
        ByteBuf part = clip.nextPart();
        if (part != null) {
            lent = part;
            try {
                clipSizeBytes += part.readableBytes();
                clipHash.add(part.retainedDuplicate());
                zip.write(part.nioBuffer());
            } finally {
                release(lent); // still here when the ZIP did not take it
                lent = null;
            }
            return false;
        }
        zip.endEntry();
        String hex = clipHash.hex();
        clipHash = null;
        sums.put(PackageFiles.cameraFile(camera, "clip.mp4"), hex);
        byte[] manifest = clip.manifest(hex, clipSizeBytes);
        clip.close();
        clip = null;
        file(PackageFiles.cameraFile(camera, "clip.manifest.json"), manifest);
        return file(PackageFiles.cameraFile(camera, "clip.manifest.sig"), exports.sign(manifest));
    }

    /** SHA256SUMS of every file so far, its signature, and the end of the archive. */
    private boolean signedSums() throws IOException {
        byte[] list = PackageFiles.sha256Sums(sums);
        zip.entry(directory + "/" + PackageFiles.SUMS, exportedAt, list);
        zip.entry(directory + "/" + PackageFiles.SUMS_SIGNATURE, exportedAt, exports.sign(list));
        zip.finish();
        return true;
    }
}
