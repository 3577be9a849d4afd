package io.vigil.archive.store;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.OwnerOnlyFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's access key and secret key, made at random for each installation on its first start and kept in
 * an owner-only (0600) file, so no other local user can reach the store's loopback port with a known pair. The file
 * reads {@code access-key=...} and {@code secret-key=...} lines (what an admin gives {@code mc} or {@code aws s3}).
 *
 * @param accessKey 20 characters A-Z, 0-9
 * @param secretKey 40 characters A-Z, a-z, 0-9 (about 238 random bits)
 */
public record EmbeddedStoreCredentials(String accessKey, String secretKey) {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCredentials.class);
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALPHANUMERIC = UPPER_DIGITS + "abcdefghijklmnopqrstuvwxyz";

    public EmbeddedStoreCredentials {
        if (accessKey == null || !accessKey.matches("[A-Za-z0-9]{16,128}")) {
            throw new IllegalArgumentException("access-key must be 16-128 letters and digits");
        }
        if (secretKey == null || !secretKey.matches("[A-Za-z0-9]{32,128}")) {
            throw new IllegalArgumentException("secret-key must be 32-128 letters and digits");
        }
    }

    /** A new random pair. */
    public static EmbeddedStoreCredentials generate(SecureRandom random) {
        return new EmbeddedStoreCredentials(randomText(random, UPPER_DIGITS, 20), randomText(random, ALPHANUMERIC, 40));
    }

    /** The file's text. */
    public String text() {
        return "# Vigil's embedded object store (S3 API on 127.0.0.1): made on first start, keep it 0600\n"
                + "access-key=" + accessKey + "\nsecret-key=" + secretKey + "\n";
    }

    /** Reads {@link #text()}; a file that does not hold a valid pair is refused, naming the file but no value. */
    public static EmbeddedStoreCredentials parse(String text, String origin) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new EmbeddedStoreCredentials(p.getProperty("access-key"), p.getProperty("secret-key"));
        } catch (IOException | IllegalArgumentException e) {
            throw new VigilException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    origin + " does not hold the embedded store's " + "credentials (access-key=..., secret-key=...): "
                            + e.getMessage() + "; delete it to make new ones");
        }
    }

    /** The pair in {@code file}, made (0600, random) if there is none yet. */
    public static EmbeddedStoreCredentials readOrCreate(Path file, SecureRandom random) {
        try {
            OwnerOnlyFile.Content content =
                    OwnerOnlyFile.readOrCreate(file, () -> generate(random).text());
            if (content.created()) {
                LOG.info("Created the embedded object store's credentials in {} (0600)", file.toAbsolutePath());
            }
            if (content.othersMayRead()) {
                LOG.warn(
                        "Embedded store credentials file {} is readable by others than its owner: chmod 600 it",
                        file.toAbsolutePath());
            }
            return parse(content.text(), "embedded store credentials file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new VigilException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "cannot read or create the embedded store's " + "credentials file " + file.toAbsolutePath() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static String randomText(SecureRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "EmbeddedStoreCredentials[accessKey=" + accessKey + ", secretKey=(hidden)]";
    }
}
