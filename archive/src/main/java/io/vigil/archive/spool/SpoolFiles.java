package io.vigil.archive.spool;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the spool writes a file: to a temporary name ({@code .tmp}), forced to disk if asked, then renamed, so a crash
 * leaves either the whole file or debris that start-up removes.
 */
final class SpoolFiles {

    static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Logger LOG = LoggerFactory.getLogger(SpoolFiles.class);

    private SpoolFiles() {}

    /** Writes {@code bytes} as {@code file}, whole or not at all; {@code fsync} forces them to disk first. */
    static void write(Path file, byte[] bytes, boolean fsync) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = temporary(file);
        Files.write(tmp, bytes);
        if (fsync) {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes a segment's properties (its future index row) as {@code file}, whole or not at all. */
    static void writeProperties(Path file, Properties properties) throws IOException {
        Path tmp = temporary(file);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            properties.store(w, null);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Deletes a file if it is there; returns the bytes it held (0 if none, or if it could not be deleted). */
    static long delete(Path f) {
        try {
            long size = Files.exists(f) ? Files.size(f) : 0;
            Files.deleteIfExists(f);
            return size;
        } catch (IOException e) {
            LOG.warn("Spool: cannot delete {}: {}", f, e.toString());
            return 0;
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
    }
}
