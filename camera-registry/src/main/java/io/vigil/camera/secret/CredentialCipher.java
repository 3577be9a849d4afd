package io.vigil.camera.secret;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts camera passwords for the database with AES-256-GCM: {@code v1:} then base64 of a fresh 12-byte
 * nonce and the ciphertext with its 16-byte tag. The camera id is authenticated with it, so a ciphertext
 * copied into another camera's row does not decrypt. The key is asked for on first use only (a service with
 * no camera password never needs one).
 */
public final class CredentialCipher {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Supplier<byte[]> key;
    private final SecureRandom random;
    private volatile SecretKeySpec spec;

    /** @param key the 32-byte key, read when first needed */
    public CredentialCipher(Supplier<byte[]> key, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** True if a stored value is this cipher's output (older rows hold the password itself). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The stored form of a camera's password; null stays null. */
    public String encrypt(String cameraId, String password) {
        if (password == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, cameraId, nonce);
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new VigilException(ErrorCode.INTERNAL, "cannot encrypt the password of camera " + cameraId, e);
        }
    }

    /** The password of a stored value; a value not encrypted yet (a row from before encryption) is returned as is. */
    public String decrypt(String cameraId, String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw unreadable(cameraId, null);
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw unreadable(cameraId, null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, cameraId, java.util.Arrays.copyOf(all, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw unreadable(cameraId, e);
        } catch (GeneralSecurityException e) {
            throw new VigilException(ErrorCode.INTERNAL, "cannot decrypt the password of camera " + cameraId, e);
        }
    }

    private Cipher cipher(int mode, String cameraId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keySpec(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(cameraId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKeySpec keySpec() {
        SecretKeySpec s = spec;
        if (s == null) {
            synchronized (this) {
                if (spec == null) {
                    byte[] bytes = key.get();
                    if (bytes.length != 32) {
                        throw new VigilException(
                                ErrorCode.SECRET_KEY_MISMATCH, "the secret key must be 32 bytes, not " + bytes.length);
                    }
                    spec = new SecretKeySpec(bytes, "AES");
                }
                s = spec;
            }
        }
        return s;
    }

    private static VigilException unreadable(String cameraId, Throwable cause) {
        return new VigilException(
                ErrorCode.SECRET_KEY_MISMATCH,
                "the stored password of camera " + cameraId
                        + " does not decrypt with this secret key (VIGIL_SECRET_KEY or vigil.secret-key-file): start with the key it "
                        + "was stored with, or give the camera its password again",
                cause);
    }
}
