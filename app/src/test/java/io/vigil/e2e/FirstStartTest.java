package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first start without {@code VIGIL_ADMIN_PASSWORD}: a generated admin password, printed once on the console,
 * never in the log, the API or the database. (Its own class: one Quartz scheduler per JVM at a time.)
 */
class FirstStartTest {

    @Test
    void withoutVigilAdminPasswordTheFirstStartPrintsAGeneratedOneOnceAndNeverLogsIt() throws Exception {
        Path other = Files.createTempDirectory("vigil-first-start");
        Files.writeString(other.resolve("cameras.yml"), "cameras: []\n");
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String password;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (VigilHarness first = new VigilHarness(other, Map.of("vigil.admin-password", ""))) {
            System.setOut(out);
            Matcher m = Pattern.compile("Sign in as user 'admin' with password: (\\S+)")
                    .matcher(console.toString(StandardCharsets.UTF_8));
            assertTrue(m.find(), "the generated password is printed on the console: " + console);
            password = m.group(1);
            assertTrue(password.length() >= 20, password);
            assertEquals(
                    200,
                    first.send("GET", "/api/users", null, TestAdmin.basic("admin", password))
                            .statusCode());
            assertEquals(
                    401,
                    first.send("GET", "/api/users", null, TestAdmin.basic()).statusCode(),
                    "not the test default");
            first.assertNeverShown(password); // log lines, API answers and database files
        } finally {
            System.setOut(out);
        }
        console.reset();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (VigilHarness again = new VigilHarness(other, Map.of("vigil.admin-password", ""))) {
            System.setOut(out);
            assertFalse(
                    console.toString(StandardCharsets.UTF_8).contains("Sign in as user 'admin'"), "printed once only");
            assertEquals(
                    200,
                    again.send("GET", "/api/users", null, TestAdmin.basic("admin", password))
                            .statusCode());
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void anAdminPasswordFileSetsThePasswordAndNothingIsPrinted() throws Exception {
        Path dir = Files.createTempDirectory("vigil-password-file");
        Files.writeString(dir.resolve("cameras.yml"), "cameras: []\n");
        Path file = dir.resolve("admin-password");
        String chosen = "from-a-secret-file-42";
        Files.writeString(file, chosen + "\n");
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (VigilHarness vigil = new VigilHarness(
                dir, Map.of("vigil.admin-password", "", "vigil.admin-password-file", file.toString()))) {
            System.setOut(out);
            assertFalse(
                    console.toString(StandardCharsets.UTF_8).contains("Sign in as user 'admin'"), "nothing generated");
            assertEquals(
                    200,
                    vigil.send("GET", "/api/users", null, TestAdmin.basic("admin", chosen))
                            .statusCode(),
                    "the file's first line, without its newline, is the password");
            assertEquals(
                    401,
                    vigil.send("GET", "/api/users", null, TestAdmin.basic("admin", chosen + "\n"))
                            .statusCode());
            vigil.assertNeverShown(chosen);
        } finally {
            System.setOut(out);
        }
    }
}
