package io.vigil.archive.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments stored by a PUT Vigil signs with the SHA-256 it already has, against the store Vigil embeds. */
class SignedPutTest {

    private static final String SECRET = "signed-put-secret";

    @TempDir
    Path dir;

    private EmbeddedS3Server s3;
    private MinioObjectStore store;

    @BeforeEach
    void start() {
        s3 = EmbeddedS3Server.start(dir.resolve("objects"), 0, "vigil", SECRET);
        store = new MinioObjectStore(s3.endpoint().toString(), "us-east-1", "vigil", SECRET, "vigil");
        store.ensureBucket();
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        s3.close();
    }

    @Test
    void theObjectStoredIsTheBytesWithTheirMetadata() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(3).nextBytes(bytes);

        store.put(
                "cam-1/2026/12/06/18/0000000007.m4s",
                bytes,
                Sha256.hex(bytes),
                "video/iso.segment",
                Map.of("vigil-camera", "cam-1", "vigil-sequence", "7"));

        try (InputStream in = store.read("cam-1/2026/12/06/18/0000000007.m4s", 0, -1)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        Map<String, String> metadata =
                store.metadata("cam-1/2026/12/06/18/0000000007.m4s").orElseThrow();
        assertEquals("cam-1", metadata.get("vigil-camera"));
        assertEquals("7", metadata.get("vigil-sequence"));
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefusedAndNothingIsStored() {
        byte[] bytes = "a segment".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String otherHash = Sha256.hex("another segment".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        VigilException e = assertThrows(
                VigilException.class,
                () -> store.put("cam-1/bad.m4s", bytes, otherHash, "video/iso.segment", Map.of()));

        assertEquals(ErrorCode.STORAGE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().startsWith("cannot store cam-1/bad.m4s: HTTP 4"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(store.metadata("cam-1/bad.m4s").isEmpty());
    }

    @Test
    void aWrongSecretIsRefusedWithTheStoresReasonAndWithoutTheSecret() throws Exception {
        try (MinioObjectStore wrong =
                new MinioObjectStore(s3.endpoint().toString(), "us-east-1", "vigil", "not-the-secret", "vigil")) {
            byte[] bytes = {1, 2, 3};

            VigilException e = assertThrows(
                    VigilException.class,
                    () -> wrong.put("cam-1/x.m4s", bytes, Sha256.hex(bytes), "video/iso.segment", Map.of()));

            assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
            assertTrue(e.getMessage().contains("SignatureDoesNotMatch"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
        }
    }

    @Test
    void aHashThatIsNotOneIsRefusedBeforeAnythingIsSent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> store.put("cam-1/x.m4s", new byte[] {1}, "ABC", "video/iso.segment", Map.of()));
    }
}
