package io.vigil.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * What a package's writer does to every clip byte that the single-clip export does not, each timed alone on one thread
 * of this JVM over off-heap buffers of about a segment's size (as the clip's parts are): SHA-256 (for SHA256SUMS and the clip
 * manifest), CRC-32 (the ZIP entry's) and one copy into another off-heap buffer (the part being written). MB/s each.
 */
record HashCost(double sha256MegabytesPerSecond, double crc32MegabytesPerSecond, double copyMegabytesPerSecond) {

    /** Seconds the three take, one after the other on one thread, for {@code bytes}. */
    double secondsFor(long bytes) {
        return bytes / 1e6 * (1 / sha256MegabytesPerSecond + 1 / crc32MegabytesPerSecond + 1 / copyMegabytesPerSecond);
    }

    /** Seconds SHA-256 alone takes for {@code bytes}. */
    double sha256SecondsFor(long bytes) {
        return bytes / 1e6 / sha256MegabytesPerSecond;
    }

    /**
     * Each over {@code totalBytes} in 1 MiB calls, after as much again to warm up; best of three. The 1 MiB sources
     * rotate through 64 buffers (64 MiB, more than the CPU's caches), as a clip's parts come from memory.
     */
    static HashCost measure(long totalBytes) throws Exception {
        ByteBuffer[] sources = new ByteBuffer[64];
        byte[] random = new byte[1 << 20];
        for (int i = 0; i < sources.length; i++) {
            ThreadLocalRandom.current().nextBytes(random);
            sources[i] = ByteBuffer.allocateDirect(random.length).put(random).flip();
        }
        ByteBuffer target = ByteBuffer.allocateDirect(random.length);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        CRC32 crc = new CRC32();
        Pass sha = b -> sha256.update(b);
        Pass crc32 = crc::update;
        Pass copy = b -> target.clear().put(b);
        return new HashCost(
                rate(sources, totalBytes, sha), rate(sources, totalBytes, crc32), rate(sources, totalBytes, copy));
    }

    private interface Pass {
        void over(ByteBuffer bytes);
    }

    private static double rate(ByteBuffer[] sources, long totalBytes, Pass pass) {
        double best = 0;
        for (int round = -1; round < 3; round++) {
            long t = System.nanoTime();
            int i = 0;
            for (long done = 0; done < totalBytes; done += sources[i].capacity()) {
                i = (i + 1) % sources.length;
                pass.over(sources[i].duplicate());
            }
            double mbs = totalBytes / 1e6 / ((System.nanoTime() - t) / 1e9);
            best = round < 0 ? 0 : Math.max(best, mbs);
        }
        return best;
    }
}
