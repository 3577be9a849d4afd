package io.vigil.alerts.email;

import static io.vigil.alerts.email.EmailConfig.Security.NONE;
import static io.vigil.alerts.email.EmailConfig.Security.STARTTLS;
import static io.vigil.alerts.email.EmailConfig.Security.TLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.AlertTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail settings: nothing set is no e-mail; nonsense is refused at start-up, saying why, never the password. */
class EmailConfigTest {

    static final String PASSWORD = "Pass-WORD-never-shown";

    @TempDir
    Path dir;

    static EmailConfig config(
            String host,
            Integer port,
            EmailConfig.Security security,
            String user,
            String password,
            String from,
            List<String> to,
            Path caFile) {
        return new EmailConfig(host, port, security, user, password, from, to, caFile);
    }

    static EmailConfig gmailLike(Integer port, EmailConfig.Security security) {
        return config(
                "smtp.example.com",
                port,
                security,
                "alerts@example.com",
                PASSWORD,
                "Vigil <alerts@example.com>",
                List.of("ops@example.com", "On Call <oncall@example.org>"),
                null);
    }

    /** The message of what {@code config} throws, checked not to show the password. */
    static String refusal(Runnable config) {
        String message =
                assertThrows(IllegalArgumentException.class, config::run).getMessage();
        assertFalse(message.contains(PASSWORD), message);
        return message;
    }

    @Test
    void nothingSetIsNoEmail() {
        EmailConfig none = config(null, null, null, null, null, null, null, null);
        assertFalse(none.configured());
        assertEquals("EmailConfig[none]", none.toString());
        assertFalse(config(" ", null, STARTTLS, "", "", " ", List.of(), null).configured());
    }

    @Test
    void starttlsOn587IsTheDefaultAndImplicitTlsOn465() {
        EmailConfig starttls = gmailLike(null, STARTTLS);
        assertTrue(starttls.configured());
        assertEquals(587, starttls.effectivePort());
        assertEquals("smtp://smtp.example.com:587", starttls.origin());
        assertEquals(465, gmailLike(null, TLS).effectivePort());
        assertEquals("smtp://smtp.example.com:2525", gmailLike(2525, TLS).origin());
        assertEquals("alerts@example.com", starttls.fromAddress().getAddress());
        assertEquals(
                List.of("ops@example.com", "oncall@example.org"),
                starttls.toAddresses().stream().map(a -> a.getAddress()).toList());
        assertEquals("email smtp://smtp.example.com:587 to 2 recipient(s)", new AlertTarget.Email(starttls).toString());
    }

    @Test
    void thePasswordShowsNowhere() {
        EmailConfig starttls = gmailLike(null, STARTTLS);
        assertFalse(starttls.toString().contains(PASSWORD), starttls.toString());
        assertFalse(starttls.origin().contains("alerts@"), "no user in the origin: " + starttls.origin());
    }

    @Test
    void settingsWithoutAHostAreRefused() {
        assertTrue(refusal(() -> config(null, null, STARTTLS, null, PASSWORD, null, null, null))
                .contains("vigil.alerts.email.host is not"));
        assertTrue(refusal(() -> config(null, null, STARTTLS, null, null, null, List.of("ops@example.com"), null))
                .contains("vigil.alerts.email.host is not"));
    }

    @Test
    void noTlsOnlyToALoopbackServer() {
        assertTrue(refusal(() -> gmailLike(25, NONE)).contains("only to a server on loopback"));
        for (String loopback : List.of("localhost", "127.0.0.1", "127.1.2.3", "::1")) {
            EmailConfig local =
                    config(loopback, 25, NONE, null, null, "vigil@example.com", List.of("ops@example.com"), null);
            assertTrue(local.configured(), loopback);
        }
        assertEquals(
                "smtp://[::1]:25",
                config("::1", 25, NONE, null, null, "vigil@example.com", List.of("ops@example.com"), null)
                        .origin());
    }

    @Test
    void aSenderAndOneToFiftyRecipientsAreNeededEachParsedStrictly() {
        assertTrue(refusal(() -> config("smtp.example.com", null, STARTTLS, null, null, null, List.of("a@b.c"), null))
                .contains("vigil.alerts.email.from is needed"));
        assertTrue(refusal(() -> config("smtp.example.com", null, STARTTLS, null, null, "a@b.c", List.of(), null))
                .contains("vigil.alerts.email.to must name 1 to 50"));
        for (String bad : List.of("not an address", "a@b@c", "ops@", "<ops@example.com", "ops@example.com, x@y.z")) {
            assertTrue(
                    refusal(() -> config("smtp.example.com", null, STARTTLS, null, null, "a@b.c", List.of(bad), null))
                            .contains("vigil.alerts.email.to is not an e-mail address"),
                    bad);
        }
    }

    @Test
    void aUserNeedsItsPasswordAndAPasswordItsUser() {
        assertTrue(refusal(() -> config("smtp.example.com", null, STARTTLS, "u", null, "a@b.c", List.of("d@e.f"), null))
                .contains("VIGIL_ALERTS_EMAIL_PASSWORD"));
        assertTrue(refusal(() ->
                        config("smtp.example.com", null, STARTTLS, null, PASSWORD, "a@b.c", List.of("d@e.f"), null))
                .contains("without vigil.alerts.email.username"));
    }

    @Test
    void aHostPortOrCaFileThatCannotBeIsRefused() throws Exception {
        assertTrue(
                refusal(() -> config("smtp example.com", null, STARTTLS, null, null, "a@b.c", List.of("d@e.f"), null))
                        .contains("vigil.alerts.email.host"));
        assertTrue(
                refusal(() -> config("smtp.example.com", 70_000, STARTTLS, null, null, "a@b.c", List.of("d@e.f"), null))
                        .contains("vigil.alerts.email.port"));
        Path missing = dir.resolve("missing.pem");
        assertTrue(refusal(() ->
                        config("smtp.example.com", null, STARTTLS, null, null, "a@b.c", List.of("d@e.f"), missing))
                .contains("vigil.alerts.email.ca-file cannot be read"));
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate\n");
        EmailConfig config =
                config("smtp.example.com", null, STARTTLS, "u", PASSWORD, "a@b.c", List.of("d@e.f"), notPem);
        String message = refusal(() -> new EmailChannel(
                new AlertTarget.Email(config),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                ObjectMapper.getDefault(),
                Clock.systemUTC()));
        assertTrue(message.startsWith("vigil.alerts.email.ca-file"), message);
    }
}
