package io.vigil.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * dash.js, the DASH Industry Forum's reference player, for the browser tests: the npm package {@code dashjs} of one
 * pinned version, fetched once over plain HTTPS from the npm registry (no npm needed, no CDN at test time) into a cache
 * under the temporary directory, checked against the registry's {@code dist.integrity} (SHA-512) pinned here, and its
 * browser build (UMD, modern browsers) read out of the tarball.
 */
final class DashJs {

    static final String VERSION = "5.2.1";
    /** {@code npm view dashjs@5.2.1 dist.integrity}. */
    static final String INTEGRITY =
            "sha512-axcJmLeJCTJMLUfQRErUJB1KOiU5iHF+DMLBc3FKeox1HPYtGUQlC6Xm5Mm6vhBUR3CHHLIPOqw0JDIqMtP+Dw==";

    static final String TARBALL_URL = "https://registry.npmjs.org/dashjs/-/dashjs-" + VERSION + ".tgz";
    /** The player and everything it plays DASH with (protection, reporting), for a page without modules. */
    static final String BROWSER_FILE = "package/dist/modern/umd/dash.all.min.js";

    private DashJs() {}

    /** The tarball's place in the cache, shared by every test run on this machine. */
    static Path cached() {
        return Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-dashjs", "dashjs-" + VERSION + ".tgz");
    }

    /** The text of dash.js's browser build, fetching and checking the package first if the cache lacks it. */
    static String script() throws IOException, InterruptedException {
        Path tarball = cached();
        byte[] bytes = Files.exists(tarball) ? Files.readAllBytes(tarball) : null;
        if (bytes == null || !INTEGRITY.equals(integrity(bytes))) {
            bytes = fetch(tarball);
        }
        byte[] file = entry(new GZIPInputStream(new ByteArrayInputStream(bytes)), BROWSER_FILE);
        if (file == null) {
            throw new AssertionError("dashjs " + VERSION + "'s tarball has no " + BROWSER_FILE);
        }
        return new String(file, StandardCharsets.UTF_8);
    }

    /** Downloads the tarball, checks it and puts it into the cache (renamed into place: a cached file is whole). */
    private static byte[] fetch(Path tarball) throws IOException, InterruptedException {
        String howTo = "; fetch it by hand into the cache: mkdir -p " + tarball.getParent() + " && curl -fo " + tarball
                + " " + TARBALL_URL + " (or: cd " + tarball.getParent() + " && npm pack dashjs@" + VERSION + ")";
        HttpResponse<byte[]> answer;
        try {
            answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(TARBALL_URL))
                                    .timeout(Duration.ofMinutes(3))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("the dash.js browser test needs the npm package dashjs " + VERSION + " and could"
                    + " not download it from " + TARBALL_URL + " (" + e + ")" + howTo);
        }
        if (answer.statusCode() != 200) {
            throw new AssertionError(
                    "the npm registry answered " + answer.statusCode() + " for " + TARBALL_URL + howTo);
        }
        byte[] bytes = answer.body();
        String got = integrity(bytes);
        if (!INTEGRITY.equals(got)) {
            throw new AssertionError("dashjs " + VERSION + " from " + TARBALL_URL + " is not the package pinned: its"
                    + " integrity is " + got + ", expected " + INTEGRITY);
        }
        Files.createDirectories(tarball.getParent());
        Path partial =
                Files.createTempFile(tarball.getParent(), tarball.getFileName().toString(), ".part");
        try {
            Files.write(partial, bytes);
            try { // readable by the other users of the machine's test runs (a temporary file is its owner's only)
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // as created
            }
            Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return bytes;
    }

    /** npm's Subresource Integrity form of the bytes' SHA-512. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bytes of the file at {@code path} in a tar stream (POSIX ustar, with the pax extended headers npm may
     * write for long names), or null.
     */
    static byte[] entry(InputStream tar, String path) throws IOException {
        String paxPath = null;
        while (true) {
            byte[] header = tar.readNBytes(512);
            if (header.length < 512 || allZero(header)) {
                return null;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = Long.parseLong(text(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            byte[] data = tar.readNBytes((int) size);
            tar.skipNBytes((512 - size % 512) % 512);
            if (type == 'x') {
                paxPath = paxPath(new String(data, StandardCharsets.UTF_8));
                continue;
            }
            if (paxPath != null) {
                name = paxPath;
                paxPath = null;
            }
            if ((type == '0' || type == 0) && name.equals(path)) {
                return data;
            }
        }
    }

    /** The {@code path} record of a pax extended header ({@code "<length> path=<value>\n"} records), or null. */
    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int from, int length) {
        byte[] field = Arrays.copyOfRange(header, from, from + length);
        int end = 0;
        while (end < field.length && field[end] != 0) {
            end++;
        }
        return new String(field, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
