package io.vigil.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.VigilException;
import io.vigil.kernel.OwnerOnlyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreCredentialsTest {

    @Test
    void madeOnceAtRandomInAnOwnerOnlyFileAndReadBackOnLaterStarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/embedded-store.credentials");
        EmbeddedStoreCredentials first = EmbeddedStoreCredentials.readOrCreate(file, new SecureRandom());
        assertEquals(OwnerOnlyFile.OWNER_ONLY, Files.getPosixFilePermissions(file));
        assertTrue(first.accessKey().matches("[A-Z0-9]{20}"), first.accessKey());
        assertTrue(first.secretKey().matches("[A-Za-z0-9]{40}"));
        assertEquals(first, EmbeddedStoreCredentials.readOrCreate(file, new SecureRandom()), "kept across restarts");
        assertNotEquals(
                first,
                EmbeddedStoreCredentials.readOrCreate(dir.resolve("other"), new SecureRandom()),
                "another installation gets another pair");
        assertFalse(first.toString().contains(first.secretKey()), "the secret never shows in logs");
    }

    @Test
    void refusesAFileWithoutAUsablePairNamingNoValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("embedded-store.credentials");
        Files.writeString(file, "access-key=vigil\nsecret-key=vigil-embedded-secret\n");
        VigilException e = assertThrows(
                VigilException.class, () -> EmbeddedStoreCredentials.readOrCreate(file, new SecureRandom()));
        assertFalse(e.getMessage().contains("vigil-embedded-secret"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new EmbeddedStoreCredentials("vigil", "vigil-embedded-secret"));
    }
}
