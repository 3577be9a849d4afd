package io.vigil.camera.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

    private static CredentialCipher cipher(int keyByte) {
        byte[] key = new byte[32];
        key[0] = (byte) keyByte;
        return new CredentialCipher(() -> key, new SecureRandom());
    }

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        CredentialCipher c = cipher(7);
        String once = c.encrypt("lobby", "s3cret-Pa55");
        String twice = c.encrypt("lobby", "s3cret-Pa55");
        assertTrue(once.startsWith("v1:") && !once.contains("s3cret"), once);
        assertNotEquals(once, twice, "same password, different ciphertext");
        assertEquals("s3cret-Pa55", c.decrypt("lobby", once));
        assertEquals("s3cret-Pa55", c.decrypt("lobby", twice));
        assertEquals("pässwörd ✓", c.decrypt("lobby", c.encrypt("lobby", "pässwörd ✓")));
        assertNull(c.encrypt("lobby", null));
        assertNull(c.decrypt("lobby", null));
        assertEquals(
                "legacy-plain", c.decrypt("lobby", "legacy-plain"), "rows from before encryption read as they are");
    }

    @Test
    void aWrongKeyAnotherCamerasRowOrATamperedValueDoesNotDecrypt() {
        CredentialCipher c = cipher(7);
        String stored = c.encrypt("lobby", "s3cret-Pa55");
        assertEquals(
                ErrorCode.SECRET_KEY_MISMATCH,
                assertThrows(VigilException.class, () -> cipher(8).decrypt("lobby", stored))
                        .code());
        assertThrows(VigilException.class, () -> c.decrypt("gate", stored), "bound to its camera");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        VigilException e = assertThrows(VigilException.class, () -> c.decrypt("lobby", tampered));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertThrows(VigilException.class, () -> c.decrypt("lobby", "v1:not base64!"));
        assertThrows(VigilException.class, () -> c.decrypt("lobby", "v1:AAAA"), "too short for nonce and tag");
    }

    @Test
    void theKeyIsReadOnFirstUseOnly() {
        AtomicInteger reads = new AtomicInteger();
        CredentialCipher c = new CredentialCipher(
                () -> {
                    reads.incrementAndGet();
                    return new byte[32];
                },
                new SecureRandom());
        assertNull(c.encrypt("lobby", null));
        assertEquals(0, reads.get(), "no password, no key needed");
        c.decrypt("lobby", c.encrypt("lobby", "x"));
        c.encrypt("lobby", "y");
        assertEquals(1, reads.get());
    }

    @Test
    void aConfiguredKeyMustBe32BytesInBase64AndIsNeverEchoed() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        assertArrayEquals(
                key, SecretKeySource.parse(Base64.getEncoder().encodeToString(key) + "\n", "VIGIL_SECRET_KEY"));
        VigilException shortKey =
                assertThrows(VigilException.class, () -> SecretKeySource.parse("c2hvcnQ=", "VIGIL_SECRET_KEY"));
        assertTrue(
                shortKey.getMessage().contains("VIGIL_SECRET_KEY")
                        && !shortKey.getMessage().contains("c2hvcnQ"),
                shortKey.getMessage());
        assertThrows(
                VigilException.class, () -> SecretKeySource.parse("correct horse battery staple", "VIGIL_SECRET_KEY"));
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnceAndReusedAfter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/secret.key");
        byte[] first = SecretKeySource.fromFile(file, new SecureRandom());
        assertEquals(32, first.length);
        assertEquals(io.vigil.kernel.OwnerOnlyFile.OWNER_ONLY, Files.getPosixFilePermissions(file));
        assertArrayEquals(first, SecretKeySource.fromFile(file, new SecureRandom()), "the same key after a restart");
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no partial files left");
        }
        Files.writeString(file, "garbage");
        VigilException e = assertThrows(VigilException.class, () -> SecretKeySource.fromFile(file, new SecureRandom()));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }
}
