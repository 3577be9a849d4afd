package io.vigil.verify;

import io.vigil.kernel.Sha256;
import io.vigil.kernel.TimeRange;
import io.vigil.media.zip.ZipStream;
import io.vigil.playback.clip.ClipManifest;
import io.vigil.playback.clip.ExportSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test code: an incident package as README.md's "Incident package" lays it out, made with the real parts the service
 * will use: {@link ZipStream}, {@link ClipManifest} and the {@link ExportSigner} (its Ed25519 key in a file), the
 * README from {@code investigation/src/main/resources/io/vigil/investigation/incident/package-README.txt}. Each file's bytes by its path in the incident directory, so a
 * test can change one and zip the package again.
 */
final class IncidentPackageFixture {

    static final String INCIDENT_ID = "42";
    static final String DIRECTORY = "incident-" + INCIDENT_ID;
    static final Instant START = Instant.parse("2026-12-07T10:02:00Z");
    static final Instant END = Instant.parse("2026-12-07T10:17:00Z");
    static final Instant EXPORTED = Instant.parse("2026-12-07T11:00:00Z");
    static final List<String> CAMERAS = List.of("dock", "yard");

    private IncidentPackageFixture() {}

    /** The repository's root: where {@code bin/verify-package} is (surefire runs in {@code app/}). */
    static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Stream.of(here, here.getParent())
                .filter(dir -> dir != null && Files.isExecutable(dir.resolve("bin/verify-package")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no bin/verify-package in " + here + " or above it"));
    }

    /** Every file of the package by its path in the incident directory, in the order they are zipped. */
    static Map<String, byte[]> files(ExportSigner signer) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", readme(signer).getBytes(StandardCharsets.UTF_8));
        files.put(
                "incident.json",
                utf8("{\"id\":" + INCIDENT_ID + ",\"title\":\"Loading dock, 10:05\",\"start\":\"" + START
                        + "\",\"end\":\"" + END + "\",\"cameraIds\":[\"dock\",\"yard\"]}\n"));
        files.put("events.json", utf8("[{\"at\":\"2026-12-07T10:05:12Z\",\"label\":\"door forced\"}]\n"));
        files.put("events.csv", utf8("at,label\n2026-12-07T10:05:12Z,door forced\n"));
        files.put("audit.csv", utf8("at,user,action\n2026-12-07T10:30:00Z,carol,incident opened\n"));
        Random random = new Random(20);
        for (String camera : CAMERAS) {
            byte[] clip = new byte[400_000 + random.nextInt(1000)];
            random.nextBytes(clip);
            byte[] manifest = new ClipManifest(
                            camera,
                            START,
                            END,
                            camera + "-" + START + ".mp4",
                            List.of(new ClipManifest.Entry(7, START, 2000, Sha256.hex(clip))),
                            List.of(new TimeRange(
                                    START.plus(Duration.ofMinutes(5)), START.plus(Duration.ofMinutes(6)))),
                            Sha256.hex(clip),
                            clip.length)
                    .json();
            files.put("cameras/" + camera + "/clip.mp4", clip);
            files.put("cameras/" + camera + "/clip.manifest.json", manifest);
            files.put("cameras/" + camera + "/clip.manifest.sig", signer.sign(manifest));
        }
        files.put("export-signing.pem", utf8(signer.publicKeyPem()));
        byte[] sums = sha256Sums(files);
        files.put("SHA256SUMS", sums);
        files.put("SHA256SUMS.sig", signer.sign(sums));
        return files;
    }

    /** {@code sha256sum}'s format, "{@code <hex>  <path>}" a line, sorted by the path's UTF-8 bytes (LC_ALL=C). */
    static byte[] sha256Sums(Map<String, byte[]> files) {
        Map<String, String> sorted = new TreeMap<>((a, b) -> java.util.Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        files.forEach((path, bytes) -> sorted.put(path, Sha256.hex(bytes)));
        StringBuilder out = new StringBuilder();
        sorted.forEach((path, hex) -> out.append(hex).append("  ").append(path).append('\n'));
        return utf8(out.toString());
    }

    /** The files zipped under the incident directory, and {@code outside} at the archive's top level. */
    static Path zip(Path file, Map<String, byte[]> files, Map<String, byte[]> outside) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ZipStream zip = new ZipStream(ZipStream.Sink.of(out));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.entry(DIRECTORY + "/" + f.getKey(), EXPORTED, f.getValue());
            }
            for (Map.Entry<String, byte[]> f : outside.entrySet()) {
                zip.entry(f.getKey(), EXPORTED, f.getValue());
            }
            zip.finish();
        }
        return file;
    }

    /** The files written under {@code dir}/incident-42/, as unzip would extract them. */
    static Path extracted(Path dir, Map<String, byte[]> files) throws IOException {
        Path root = dir.resolve(DIRECTORY);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, f.getValue());
        }
        return dir;
    }

    /** A copy with one byte of one file flipped, halfway in. */
    static Map<String, byte[]> flipped(Map<String, byte[]> files, String path) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        byte[] bytes = files.get(path).clone();
        bytes[bytes.length / 2] ^= 0x01;
        changed.put(path, bytes);
        return changed;
    }

    private static String readme(ExportSigner signer) throws IOException {
        String template = Files.readString(repoRoot()
                .resolve("investigation/src/main/resources/io/vigil/investigation/incident/package-README.txt"));
        String pem = signer.publicKeyPem().replaceAll("-----[A-Z ]+-----|\\s", "");
        String fingerprint = Sha256.hex(Base64.getDecoder().decode(pem)); // of the DER public key
        List<String[]> values = new ArrayList<>(List.of(
                new String[] {"incidentId", INCIDENT_ID},
                new String[] {"title", "Loading dock, 10:05"},
                new String[] {"start", START.toString()},
                new String[] {"end", END.toString()},
                new String[] {"cameraIds", String.join(", ", CAMERAS)},
                new String[] {"exportedAt", EXPORTED.toString()},
                new String[] {"keyFingerprint", fingerprint}));
        for (String[] v : values) {
            template = template.replace("{{" + v[0] + "}}", v[1]);
        }
        return template;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
