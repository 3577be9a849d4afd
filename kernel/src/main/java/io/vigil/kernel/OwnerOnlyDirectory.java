package io.vigil.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory only its owner may enter (0700): the database's, the spool's, the embedded store's. Files inside it
 * are out of other users' reach whatever mode the code that wrote them gave them (H2 and s3proxy create files with
 * the process's umask), because no other user can look up a name in the directory.
 */
public final class OwnerOnlyDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyDirectory.class);
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyDirectory() {}

    /**
     * Creates {@code dir} and its missing parents owner-only, or narrows an existing one to 0700 (logged, with the
     * mode it had). Does nothing more on a file system without POSIX permissions.
     *
     * @throws IOException when the directory cannot be made or its mode cannot be changed (another owner)
     */
    public static void prepare(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.getFileAttributeView(absolute.getRoot(), PosixFileAttributeView.class) == null) {
            Files.createDirectories(absolute);
            return;
        }
        if (Files.notExists(absolute)) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(absolute);
        if (!now.equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(absolute, OWNER_ONLY);
            LOG.info(
                    "Directory {} was {}, now {}: only Vigil's user may enter it",
                    absolute,
                    PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(OWNER_ONLY));
        }
    }

    /** Narrows an existing file to 0600 (owner read and write); a missing file is left missing. */
    public static void restrictFile(Path file) throws IOException {
        if (Files.exists(file)
                && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null
                && !OwnerOnlyFile.OWNER_ONLY.equals(Files.getPosixFilePermissions(file))) {
            Files.setPosixFilePermissions(file, OwnerOnlyFile.OWNER_ONLY);
        }
    }
}
