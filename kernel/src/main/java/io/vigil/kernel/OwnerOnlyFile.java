package io.vigil.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A small secret kept in a file only its owner may read (0600): written once, whole (temporary file, then a
 * rename that never replaces a file another process made first), read on every start after.
 */
public final class OwnerOnlyFile {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What was read, and whether this call made the file. */
    public record Content(String text, boolean created, boolean othersMayRead) {}

    private OwnerOnlyFile() {}

    /** The file's text, writing {@code initial} into a new owner-only file first if there is none. */
    public static Content readOrCreate(Path file, Supplier<String> initial) throws IOException {
        boolean created = false;
        if (Files.notExists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            if (Files.notExists(parent)) {
                OwnerOnlyDirectory.prepare(parent);
            }
            Path partial = Files.createTempFile(
                    parent, "." + file.getFileName(), ".partial", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(partial, initial.get(), StandardCharsets.US_ASCII);
                Files.move(partial, file);
                created = true;
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile: use that one
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        boolean othersMayRead = Files.getFileAttributeView(file, PosixFileAttributeView.class) != null
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
        return new Content(Files.readString(file, StandardCharsets.US_ASCII), created, othersMayRead);
    }
}
