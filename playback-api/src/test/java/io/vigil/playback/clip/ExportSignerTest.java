package io.vigil.playback.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.OwnerOnlyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSignerTest {

    private static PublicKey fromPem(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
    }

    @Test
    void signaturesVerifyWithThePublishedKeyAndTheKeySurvivesARestart(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data/export-signing.key");
        ExportSigner signer = new ExportSigner(keyFile);
        byte[] manifest = "{\"cameraId\":\"lobby\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(manifest);
        PublicKey published = fromPem(signer.publicKeyPem());
        assertTrue(verifies(published, manifest, signature));
        assertFalse(
                verifies(published, "{\"cameraId\":\"lobbx\"}\n".getBytes(StandardCharsets.UTF_8), signature),
                "a changed manifest does not verify");
        assertEquals(OwnerOnlyFile.OWNER_ONLY, Files.getPosixFilePermissions(keyFile));

        ExportSigner restarted = new ExportSigner(keyFile);
        assertEquals(signer.publicKeyPem(), restarted.publicKeyPem(), "the same key after a restart");
        assertTrue(verifies(published, manifest, restarted.sign(manifest)));
    }
}
