package io.vigil.access.login;

import io.vigil.access.SecurityConfig;
import io.vigil.kernel.OwnerOnlyFile;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs bearer tokens and share links: 32 random bytes, hex, in an owner-only file made on first
 * start ({@code vigil.security.token-key-file}). Replacing the file signs everyone out and ends every share link.
 */
@Singleton
public class TokenKeys {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);

    private final byte[] key;

    public TokenKeys(SecurityConfig config) {
        try {
            OwnerOnlyFile.Content content = OwnerOnlyFile.readOrCreate(config.tokenKeyFile(), () -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                return HexFormat.of().formatHex(fresh) + "\n";
            });
            if (content.created()) {
                LOG.info("created token signing key {}", config.tokenKeyFile());
            }
            if (content.othersMayRead()) {
                LOG.warn("token signing key {} can be read by other users: chmod 600 it", config.tokenKeyFile());
            }
            this.key = HexFormat.of().parseHex(content.text().trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create token signing key " + config.tokenKeyFile(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("token signing key " + config.tokenKeyFile() + " is not 64 hex digits");
        }
        if (key.length != 32) {
            throw new IllegalStateException("token signing key " + config.tokenKeyFile() + " is not 32 bytes");
        }
    }

    /** The HS256 secret of bearer tokens: derived, so it never equals a share link's key. */
    public String jwtSecret() {
        return HexFormat.of().formatHex(hmac("jwt", "vigil-bearer-tokens"));
    }

    /** HMAC-SHA256 of {@code message} under a key derived for {@code purpose}. */
    public byte[] hmac(String purpose, String message) {
        try {
            Mac outer = Mac.getInstance("HmacSHA256");
            outer.init(new SecretKeySpec(derived(purpose), "HmacSHA256"));
            return outer.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of two MACs. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private byte[] derived(String purpose) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(("vigil/" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
