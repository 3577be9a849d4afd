package io.vigil.investigation.incident;

import io.netty.buffer.ByteBuf;
import io.vigil.kernel.Sha256;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * A clip's SHA-256 computed on another thread while the package goes on being written: hashing is the one costly step
 * a package does to every clip byte (the clip export does not), so the thread that writes the package hands each part
 * here and writes on. Parts are hashed in the order added; at most {@link #PARTS_AHEAD} wait, after which {@link #add}
 * waits (the hash keeps the package's pace, holding a few segments at most). Used by one writing thread.
 */
final class ClipHash {

    /** How many parts (media segments, about a megabyte each at 4 Mbit/s) may wait to be hashed. */
    static final int PARTS_AHEAD = 8;

    private final MessageDigest sha256 = Sha256.digest();
    private final Executor hashing;
    private final Semaphore waiting = new Semaphore(PARTS_AHEAD);
    private CompletableFuture<Void> hashed = CompletableFuture.completedFuture(null);
    private volatile boolean abandoned;

    ClipHash(Executor hashing) {
        this.hashing = hashing;
    }

    /** Hashes {@code part}'s readable bytes after those added before; takes it (releases it once hashed). */
    void add(ByteBuf part) throws InterruptedIOException {
        try {
            waiting.acquire();
        } catch (InterruptedException e) {
            part.release();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the clip's hash caught up");
        }
        hashed = hashed.handleAsync(
                (ignored, failure) -> {
                    try {
                        if (!abandoned) {
                            sha256.update(part.nioBuffer());
                        }
                    } finally {
                        part.release();
                        waiting.release();
                    }
                    return null;
                },
                hashing);
    }

    /** The SHA-256 of every part added, in hex, once they are all hashed. */
    String hex() throws IOException {
        try {
            hashed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the clip's hash caught up");
        } catch (ExecutionException e) {
            throw new IOException("the clip's hash failed", e.getCause());
        }
        if (abandoned) {
            throw new IOException("the clip's hash was abandoned");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Stops hashing: the parts still waiting are released unhashed. Any thread. */
    void abandon() {
        abandoned = true;
    }
}
