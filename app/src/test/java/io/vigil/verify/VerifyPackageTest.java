package io.vigil.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.playback.clip.ExportSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/verify-package} on incident packages made by {@link IncidentPackageFixture} with the service's own
 * writer, manifest and signer: an untouched package verifies, with its own key and with the operator's key given; a
 * byte flipped in any file, a file removed or added fails naming exactly that file; another key fails. Needs openssl
 * 3, sha256sum and unzip (no Vigil service).
 */
class VerifyPackageTest {

    private static final Pattern NAMED = Pattern.compile("^(CHANGED|MISSING|ADDED): (\\S+)", Pattern.MULTILINE);

    @TempDir
    static Path dir;

    private static Map<String, byte[]> files;
    private static Path operatorKey;

    /** What the verifier printed and how it exited. */
    record Verdict(int exitCode, String output) {

        /** Every "CHANGED: x", "MISSING: x", "ADDED: x" line, as "CHANGED x". */
        TreeSet<String> named() {
            TreeSet<String> named = new TreeSet<>();
            Matcher m = NAMED.matcher(output);
            while (m.find()) {
                named.add(m.group(1) + " " + m.group(2));
            }
            return named;
        }
    }

    @BeforeAll
    static void makePackage() throws Exception {
        ExportSigner signer = new ExportSigner(dir.resolve("data/export-signing.key"));
        files = IncidentPackageFixture.files(signer);
        operatorKey = Files.writeString(dir.resolve("operator-key.pem"), signer.publicKeyPem());
    }

    private static int packages;

    private static Path zip(Map<String, byte[]> content, Map<String, byte[]> outside) throws IOException {
        return IncidentPackageFixture.zip(dir.resolve("package-" + ++packages + ".zip"), content, outside);
    }

    private static Verdict verify(Path pkg, Path... key) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                IncidentPackageFixture.repoRoot().resolve("bin/verify-package").toString(), pkg.toString()));
        for (Path k : key) {
            command.add(k.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "verify-package did not finish");
        return new Verdict(p.exitValue(), out);
    }

    private static void assertFailsNaming(Verdict verdict, String... named) {
        assertEquals(1, verdict.exitCode(), verdict.output());
        assertEquals(new TreeSet<>(List.of(named)), verdict.named(), verdict.output());
        assertFalse(verdict.output().contains("VERIFIED: every file"), verdict.output());
    }

    @Test
    void anUntouchedPackageVerifiesWithItsOwnKeyAndWithTheOperatorsKey() throws Exception {
        Path pkg = zip(files, Map.of());
        for (Verdict verdict : List.of(verify(pkg), verify(pkg, operatorKey))) {
            assertEquals(0, verdict.exitCode(), verdict.output());
            assertEquals(new TreeSet<>(), verdict.named(), verdict.output());
            for (String path : files.keySet()) {
                if (!path.startsWith("SHA256SUMS")) {
                    assertTrue(verdict.output().contains("\nOK: " + path + "\n"), path + " in:\n" + verdict.output());
                }
            }
            for (String camera : IncidentPackageFixture.CAMERAS) {
                assertTrue(
                        verdict.output()
                                .contains("OK: signature valid; cameras/" + camera
                                        + "/clip.mp4 is the clip the manifest" + " describes (" + camera
                                        + ", 2026-12-07T10:02:00Z to 2026-12-07T10:17:00Z)"),
                        verdict.output());
            }
            assertTrue(verdict.output().contains("OK: SHA256SUMS is signed by the key"), verdict.output());
            assertTrue(verdict.output().endsWith("VERIFIED: every file is as signed, none added or removed\n"));
        }
    }

    @Test
    void aByteFlippedInAnyFileFailsNamingThatFileWhicheverKeyIsUsed() throws Exception {
        for (String path : files.keySet()) {
            Path pkg = zip(IncidentPackageFixture.flipped(files, path), Map.of());
            assertFailsNaming(verify(pkg), "CHANGED " + path);
            assertFailsNaming(verify(pkg, operatorKey), "CHANGED " + path);
        }
    }

    @Test
    void aRemovedFileFailsNamingIt() throws Exception {
        for (String path : files.keySet()) {
            Map<String, byte[]> fewer = new LinkedHashMap<>(files);
            fewer.remove(path);
            Path pkg = zip(fewer, Map.of());
            assertFailsNaming(verify(pkg), "MISSING " + path);
            assertFailsNaming(verify(pkg, operatorKey), "MISSING " + path);
        }
    }

    @Test
    void anAddedFileFailsNamingItInsideOrOutsideTheIncidentDirectory() throws Exception {
        Map<String, byte[]> more = new LinkedHashMap<>(files);
        more.put("cameras/dock/extra.mp4", new byte[] {1, 2, 3});
        more.put("notes.txt", "added later".getBytes(StandardCharsets.UTF_8));
        Verdict verdict = verify(zip(more, Map.of("stray.txt", new byte[] {4})), operatorKey);
        assertFailsNaming(verdict, "ADDED cameras/dock/extra.mp4", "ADDED notes.txt", "ADDED stray.txt");
        assertTrue(verdict.output().contains("ADDED: stray.txt (outside incident-42/)"), verdict.output());
    }

    @Test
    void anotherKeyOnTheCommandLineFails() throws Exception {
        Path privateKey = dir.resolve("other.key");
        Path otherKey = dir.resolve("other.pem");
        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", privateKey.toString());
        run("openssl", "pkey", "-in", privateKey.toString(), "-pubout", "-out", otherKey.toString());
        Verdict verdict = verify(zip(files, Map.of()), otherKey);
        assertFailsNaming(verdict);
        assertTrue(
                verdict.output().contains("FAIL: the package is signed by another key than " + otherKey),
                verdict.output());
        assertTrue(
                verdict.output().contains("FAIL: cameras/dock: the manifest's signature does not verify"),
                verdict.output());
    }

    @Test
    void aByteFlippedInTheZipItselfIsReportedByUnzipAndNamed() throws Exception {
        byte[] zip = Files.readAllBytes(zip(files, Map.of()));
        String name = IncidentPackageFixture.DIRECTORY + "/cameras/yard/clip.mp4";
        int data = indexOf(zip, name.getBytes(StandardCharsets.UTF_8)) + name.length() + 29; // past its local extra
        zip[data + 1000] ^= 0x40;
        Path changed = Files.write(dir.resolve("changed-inside.zip"), zip);
        Verdict verdict = verify(changed, operatorKey);
        assertFailsNaming(verdict, "CHANGED cameras/yard/clip.mp4");
        assertTrue(verdict.output().contains("bad CRC"), verdict.output());
    }

    @Test
    void anExtractedDirectoryIsVerifiedAlikeAndASymbolicLinkCountsAsAdded() throws Exception {
        Path extracted = IncidentPackageFixture.extracted(Files.createDirectory(dir.resolve("extracted")), files);
        Verdict verdict = verify(extracted, operatorKey);
        assertEquals(0, verdict.exitCode(), verdict.output());
        Path incident = extracted.resolve(IncidentPackageFixture.DIRECTORY);
        assertEquals(0, verify(incident, operatorKey).exitCode(), "the incident directory itself");

        Files.createSymbolicLink(incident.resolve("cameras/dock/link.mp4"), incident.resolve("cameras/dock/clip.mp4"));
        assertFailsNaming(verify(incident, operatorKey), "ADDED cameras/dock/link.mp4");
    }

    /** A ZIP no Vigil would write, by Python's zipfile: {@code writes} on {@code z}; then what verify-package says. */
    private static Verdict verifyPythonZip(String file, String writes) throws Exception {
        Path zip = dir.resolve(file);
        Verdict made = bash(
                dir,
                "python3 -W ignore -c \"import zipfile\nz = zipfile.ZipFile('" + zip + "', 'w')\n" + writes
                        + "\nz.close()\"");
        assertEquals(new Verdict(0, ""), made);
        Verdict verdict = verify(zip, operatorKey);
        assertEquals(1, verdict.exitCode(), verdict.output());
        return verdict;
    }

    @Test
    void aSymbolicLinkOrANameTwiceInTheZipIsRefusedBeforeAnythingIsExtracted() throws Exception {
        Verdict link = verifyPythonZip(
                "symlink.zip",
                "i = zipfile.ZipInfo('incident-42/SHA256SUMS'); i.create_system = 3; i.external_attr = 0o120777 << 16\n"
                        + "z.writestr(i, '/etc/passwd')");
        assertTrue(
                link.output().contains("holds a symbolic link; a package holds files only (not extracted)"),
                link.output());
        Verdict twice = verifyPythonZip(
                "twice.zip",
                "z.writestr('incident-42/events.csv', 'as signed'); z.writestr('incident-42/events.csv', 'not')");
        assertTrue(twice.output().contains("holds incident-42/events.csv twice"), twice.output());
    }

    @Test
    void aKeyThatIsNoKeyCannotBeUsed() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n");
        Verdict verdict = verify(zip(files, Map.of()), notAKey);
        assertEquals(2, verdict.exitCode(), verdict.output());
        assertTrue(verdict.output().contains("cannot read " + notAKey + " as a public key"), verdict.output());
    }

    @Test
    void theReadmesOwnCommandsVerifyThePackageByHand() throws Exception {
        Path extracted = IncidentPackageFixture.extracted(Files.createDirectory(dir.resolve("by-hand")), files);
        Path incident = extracted.resolve(IncidentPackageFixture.DIRECTORY);
        String readme = Files.readString(incident.resolve("README.txt"));
        assertFalse(readme.contains("{{"), readme);
        String signature =
                command(readme, "openssl pkeyutl -verify -pubin -inkey export-signing.pem -rawin -in SHA256SUMS");
        String sums = command(readme, "sha256sum -c SHA256SUMS");
        String added = command(readme, "diff <(cut -c67- SHA256SUMS");
        assertTrue(bash(incident, signature).output().contains("Signature Verified Successfully"));
        Verdict checked = bash(incident, sums);
        assertEquals(0, checked.exitCode(), checked.output());
        assertEquals(
                files.size() - 2,
                checked.output().lines().filter(l -> l.endsWith(": OK")).count());
        assertEquals(new Verdict(0, ""), bash(incident, added));

        Files.write(incident.resolve("events.csv"), "at,label\n".getBytes(StandardCharsets.UTF_8));
        Files.write(incident.resolve("notes.txt"), new byte[] {1});
        assertTrue(bash(incident, sums).output().contains("events.csv: FAILED"));
        assertTrue(bash(incident, added).output().contains("> notes.txt"));
    }

    /** The README's command that starts with {@code start}, its continuation lines joined. */
    private static String command(String readme, String start) {
        int at = readme.indexOf(start);
        assertTrue(at >= 0, start + " in the README");
        StringBuilder command = new StringBuilder();
        for (String line : readme.substring(at).split("\n")) {
            command.append(line.strip());
            if (!line.endsWith("\\")) {
                break;
            }
            command.setLength(command.length() - 1);
            command.append(' ');
        }
        return command.toString();
    }

    private static Verdict bash(Path in, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
        return new Verdict(p.exitValue(), out);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " not found: apt-get install openssl coreutils unzip", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
