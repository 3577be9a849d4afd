package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.access.audit.AuditAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's users and audit pages in Chromium against one running service (no camera needed): the first admin,
 * with the password generated at the first start, adds, changes, gives a new password to and removes a user, and
 * replaces their own password, each proved through the API;
 * the Users link is the admin's only; an auditor reads the audit log newest first, one line per event in the site's
 * time zone, with its filters kept in the URL over a reload, and "More" only while another page follows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersAndAuditBrowserTest {

    private static final String SITE_ZONE = "America/New_York";
    private static final String AUDITOR = "audra";
    private static final String AUDITOR_PASSWORD = "audra-reads-the-log-1";
    private static final String ALICE_PASSWORD = "alice-first-pass-1";
    private static final String ALICE_NEW_PASSWORD = "alice-second-pass-2";
    private static final String ADMIN_NEW_PASSWORD = "admin-chosen-pass-3";
    private static final int UPDATES = 105; // with the rest, more than the page's 100 events
    private static final List<String> HEADINGS =
            List.of("Time", "User", "Action", "Camera", "Range", "Result", "Detail");

    private Path work;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;
    private JsonMapper json;
    private String generated; // the admin's password from the first start

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-users-audit");
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        // a first start without VIGIL_ADMIN_PASSWORD: the admin's password is generated and printed once
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            vigil = new VigilHarness(work, Map.of("vigil.console.time-zone", SITE_ZONE, "vigil.admin-password", ""));
        } finally {
            System.setOut(out);
        }
        Matcher m = Pattern.compile("Sign in as user 'admin' with password: (\\S+)")
                .matcher(printed.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), "the generated password is printed on the console");
        generated = m.group(1);
        json = vigil.context.getBean(JsonMapper.class);
        vigil.createUser(AUDITOR, AUDITOR_PASSWORD, "auditor", firstAdmin());
        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1600,1000", Map.of());
        browser = console.driver;
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            for (String secret :
                    List.of(generated, ADMIN_NEW_PASSWORD, ALICE_PASSWORD, ALICE_NEW_PASSWORD, AUDITOR_PASSWORD)) {
                vigil.assertNeverShown(secret);
            }
            vigil.close();
        }
    }

    @Test
    @Order(1)
    void anAdminAddsChangesResetsAndRemovesAUserOnTheUsersPage() throws Exception {
        console.signIn(vigil.base, "admin", generated);
        console.waitFor(
                "the Users link", Duration.ofSeconds(20), () -> usersLink().isDisplayed());
        usersLink().click();
        console.waitFor(
                "the admin's row", Duration.ofSeconds(10), () -> !rows("admin").isEmpty());

        // the API's refusal, in words, next to the form
        type("user-create-username", "alice");
        new Select(browser.findElement(By.id("user-create-role"))).selectByValue("installer");
        type("user-create-password", "short");
        browser.findElement(By.id("user-create-submit")).click();
        String refusal = console.waitForValue(
                "the create form's error",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("user-create-error")).getText(),
                t -> !t.isEmpty());
        assertEquals("Password must have at least 8 characters.", refusal);
        assertTrue(rows("alice").isEmpty());

        type("user-create-password", ALICE_PASSWORD);
        browser.findElement(By.id("user-create-all")).click(); // only the cameras typed
        type("user-create-cameras", "front, back");
        browser.findElement(By.id("user-create-submit")).click();
        console.waitFor(
                "alice's row", Duration.ofSeconds(10), () -> !rows("alice").isEmpty());
        assertEquals("installer", cell("alice", "role"));
        assertEquals("back, front", cell("alice", "cameras"));
        assertEquals("", browser.findElement(By.id("user-create-password")).getAttribute("value"));
        Map<String, Object> alice =
                object(vigil.send("GET", "/api/users/alice", null, firstAdmin()).body());
        assertEquals("installer", alice.get("role"));
        assertEquals(List.of("back", "front"), alice.get("cameras"));

        rows("alice")
                .get(0)
                .findElement(By.cssSelector("button[data-action=edit]"))
                .click();
        console.waitFor(
                "the change form for alice",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("user-edit")).isDisplayed());
        assertEquals(
                "back, front", browser.findElement(By.id("user-edit-cameras")).getAttribute("value"));
        new Select(browser.findElement(By.id("user-edit-role"))).selectByValue("viewer");
        type("user-edit-cameras", "front");
        browser.findElement(By.id("user-edit-save")).click();
        console.waitFor("alice's new role", Duration.ofSeconds(10), () -> "viewer".equals(cell("alice", "role")));
        assertEquals("front", cell("alice", "cameras"));
        alice = object(vigil.send("GET", "/api/users/alice", null, firstAdmin()).body());
        assertEquals("viewer", alice.get("role"));
        assertEquals(List.of("front"), alice.get("cameras"));

        type("user-edit-password", ALICE_NEW_PASSWORD);
        browser.findElement(By.id("user-edit-set-password")).click();
        console.waitFor(
                "the new password's confirmation",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("user-edit-status"))
                        .getText()
                        .startsWith("New password set for alice"));
        assertEquals(200, login("alice", ALICE_NEW_PASSWORD).statusCode(), "the new password signs in");
        assertEquals(401, login("alice", ALICE_PASSWORD).statusCode(), "the old one no longer does");
        assertFalse(browser.getPageSource().contains(ALICE_NEW_PASSWORD), "a password is never rendered back");
        console.screenshot("users");

        rows("alice")
                .get(0)
                .findElement(By.cssSelector("button[data-action=delete]"))
                .click();
        console.waitFor("the confirmation", Duration.ofSeconds(10), () -> {
            browser.switchTo().alert().accept();
            return true;
        });
        console.waitFor(
                "alice's row to go", Duration.ofSeconds(10), () -> rows("alice").isEmpty());
        assertEquals(
                404, vigil.send("GET", "/api/users/alice", null, firstAdmin()).statusCode());
        console.assertNothingBlocked();
    }

    @Test
    @Order(2)
    void theAdminChangesTheirOwnPasswordAndSignsInWithIt() throws Exception {
        browser.get(vigil.base + "/#/users");
        console.waitFor(
                "the admin's row", Duration.ofSeconds(10), () -> !rows("admin").isEmpty());
        WebElement mine = rows("admin").get(0).findElement(By.cssSelector("button[data-action=edit]"));
        assertEquals("Change my password", mine.getText());
        mine.click();
        type("user-edit-password", "short");
        browser.findElement(By.id("user-edit-set-password")).click();
        console.waitFor(
                "the refusal of a short password",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("user-edit-error"))
                        .getText()
                        .equals("Password must have at least 8 characters."));
        type("user-edit-password", ADMIN_NEW_PASSWORD);
        browser.findElement(By.id("user-edit-set-password")).click();
        console.waitFor(
                "the own password's confirmation",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("user-edit-status")).getText().startsWith("Your password is changed"));
        assertEquals(401, login("admin", generated).statusCode(), "the generated password is gone");

        // the console signed in again with the new password: a reload still lists the users
        browser.navigate().refresh();
        console.waitFor(
                "the users after a reload",
                Duration.ofSeconds(10),
                () -> !rows("admin").isEmpty());
        browser.findElement(By.id("sign-out")).click();
        console.signIn(vigil.base, "admin", ADMIN_NEW_PASSWORD);
        console.waitFor(
                "the admin's Users link",
                Duration.ofSeconds(20),
                () -> usersLink().isDisplayed());
        assertEquals("admin (admin)", browser.findElement(By.id("who")).getText());
        browser.findElement(By.id("sign-out")).click();
    }

    @Test
    @Order(3)
    void theFaviconIsAnSvgAndFaviconIcoLeadsToIt() throws Exception {
        HttpResponse<String> icon = vigil.send("GET", "/favicon.svg", null, null);
        assertEquals(200, icon.statusCode());
        assertEquals(
                "image/svg+xml",
                icon.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(icon.body().startsWith("<svg"), icon.body());
        HttpResponse<String> ico = vigil.send("GET", "/favicon.ico", null, null);
        assertEquals(301, ico.statusCode(), ico.body());
        assertEquals("/favicon.svg", ico.headers().firstValue("Location").orElse(""));
        assertEquals(
                "/favicon.svg",
                browser.findElement(By.cssSelector("link[rel=icon]"))
                        .getAttribute("href")
                        .substring(vigil.base.length()));
    }

    @Test
    @Order(4)
    void theUsersLinkIsTheAdminsOnly() throws Exception {
        console.signIn(vigil.base, AUDITOR, AUDITOR_PASSWORD);
        console.waitFor(
                "the auditor's Audit link",
                Duration.ofSeconds(20),
                () -> browser.findElement(By.cssSelector("nav a[data-page=audit]"))
                        .isDisplayed());
        assertFalse(usersLink().isDisplayed(), "an auditor sees no Users link");
        browser.get(vigil.base + "/#/users");
        console.waitFor(
                "the wall instead of the users",
                Duration.ofSeconds(10),
                () -> !browser.findElements(By.id("wall")).isEmpty());
        assertTrue(browser.findElements(By.id("users-list")).isEmpty());
    }

    @Test
    @Order(5)
    void theAuditLogReadsNewestFirstOneLineEachAndPagesOnlyWhileMoreFollows() throws Exception {
        String admin = adminBearer();
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"bob\",\"password\":\"bob-password-123\",\"role\":\"viewer\"}",
                                admin)
                        .statusCode());
        for (int i = 0; i < UPDATES; i++) {
            assertEquals(
                    200,
                    vigil.send("PUT", "/api/users/bob", "{\"role\":\"viewer\"}", admin)
                            .statusCode());
        }
        String manyCameras =
                IntStream.range(0, 40).mapToObj(i -> "\"camera-" + i + "\"").collect(Collectors.joining(","));
        assertEquals(
                200,
                vigil.send("PUT", "/api/users/bob", "{\"cameras\":[" + manyCameras + "]}", admin)
                        .statusCode());
        assertEquals(204, vigil.send("DELETE", "/api/users/bob", null, admin).statusCode());
        List<Map<String, Object>> all = events("order=newest&limit=10000", admin);
        assertTrue(all.size() > 100 && all.size() <= 200, all.size() + " events");
        List<Object> oldestFirst = events("limit=10000", admin).stream()
                .map(e -> e.get("id"))
                .collect(Collectors.toCollection(java.util.ArrayList::new));
        java.util.Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, all.stream().map(e -> e.get("id")).toList(), "order=newest: the log backwards");

        browser.get(vigil.base + "/#/audit");
        console.waitFor(
                "the first page", Duration.ofSeconds(10), () -> auditRows().size() == 100);
        assertEquals(
                HEADINGS,
                browser.findElements(By.cssSelector("#audit-list th")).stream()
                        .map(WebElement::getText)
                        .toList());
        WebElement top = auditRows().get(0);
        Map<String, Object> newest = all.get(0);
        assertEquals(String.valueOf(newest.get("id")), top.getAttribute("data-id"));
        assertEquals("admin", text(top, "user"));
        assertEquals("USER_DELETE", text(top, "action"));
        assertEquals("OK", text(top, "result"));
        String expectedTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US)
                .withZone(ZoneId.of(SITE_ZONE))
                .format(Instant.parse((String) newest.get("at")));
        assertEquals(expectedTime, text(top, "time"), "the site's zone, with the date");

        // one line per event: a 40-camera detail is cut, its whole text on hover
        WebElement second = auditRows().get(1);
        String detail = (String) all.get(1).get("detail");
        assertTrue(detail.contains("camera-39"), detail);
        WebElement detailCell = second.findElement(By.cssSelector("td.detail"));
        assertEquals(detail, detailCell.getAttribute("title"));
        assertTrue(
                (Boolean) console.script("return arguments[0].scrollWidth > arguments[0].clientWidth", detailCell),
                "the long detail is cut");
        @SuppressWarnings("unchecked")
        List<Long> heights = (List<Long>) console.script(
                "return [...document.querySelectorAll('#audit-list tbody tr')].map((r) => r.offsetHeight)");
        assertEquals(1, heights.stream().distinct().count(), "every line as high as the others: " + heights);

        WebElement more = browser.findElement(By.id("audit-more"));
        assertTrue(more.isDisplayed(), "more events than a page: More");
        console.screenshot("audit");
        more.click();
        console.waitFor(
                "the next page appended",
                Duration.ofSeconds(10),
                () -> auditRows().size() == all.size());
        assertEquals(
                all.stream().map(e -> String.valueOf(e.get("id"))).toList(),
                auditRows().stream().map(r -> r.getAttribute("data-id")).toList(),
                "newest first, the second page after the first");
        assertFalse(browser.findElement(By.id("audit-more")).isDisplayed(), "nothing follows: no More");
        console.assertNothingBlocked();
    }

    @Test
    @Order(6)
    void aFilterInTheUrlHoldsOverAReloadAndTheFormWritesItThere() throws Exception {
        String admin = adminBearer();
        List<Map<String, Object>> deletes = events("user=admin&action=USER_DELETE", admin);
        assertEquals(2, deletes.size(), "alice and bob");
        // a page exactly as long as what matches has no next page
        assertNull(object(vigil.send("GET", "/api/audit?user=admin&action=USER_DELETE&limit=2", null, admin)
                        .body())
                .get("next"));

        browser.get(vigil.base + "/#/audit?user=admin&action=USER_DELETE");
        browser.navigate().refresh();
        console.waitFor(
                "the filtered rows", Duration.ofSeconds(10), () -> auditRows().size() == 2);
        for (WebElement row : auditRows()) {
            assertEquals("admin", text(row, "user"));
            assertEquals("USER_DELETE", text(row, "action"));
        }
        assertEquals("admin", browser.findElement(By.id("audit-user")).getAttribute("value"));
        assertEquals("USER_DELETE", browser.findElement(By.id("audit-action")).getAttribute("value"));
        assertFalse(browser.findElement(By.id("audit-more")).isDisplayed(), "one page: no More");
        assertEquals(
                Stream.concat(Stream.of(""), Arrays.stream(AuditAction.values()).map(AuditAction::name))
                        .toList(),
                new Select(browser.findElement(By.id("audit-action")))
                        .getOptions().stream().map(o -> o.getAttribute("value")).toList(),
                "the action filter offers every action");

        type("audit-user", AUDITOR);
        new Select(browser.findElement(By.id("audit-action"))).selectByValue("LOGIN");
        browser.findElement(By.cssSelector("#audit-form button[type=submit]")).click();
        console.waitFor(
                "the form's filters in the URL",
                Duration.ofSeconds(10),
                () -> browser.getCurrentUrl().endsWith("#/audit?user=" + AUDITOR + "&action=LOGIN"));
        int logins = events("user=" + AUDITOR + "&action=LOGIN", admin).size();
        assertTrue(logins >= 1);
        console.waitFor(
                "the auditor's sign-ins",
                Duration.ofSeconds(10),
                () -> auditRows().size() == logins
                        && auditRows().stream()
                                .allMatch(r -> text(r, "user").equals(AUDITOR)
                                        && text(r, "action").equals("LOGIN")));
    }

    private WebElement usersLink() {
        return browser.findElement(By.cssSelector("nav a[data-page=users]"));
    }

    private List<WebElement> rows(String username) {
        return browser.findElements(By.cssSelector("#users-list tr[data-user='" + username + "']"));
    }

    private String cell(String username, String field) {
        return rows(username)
                .get(0)
                .findElement(By.cssSelector("td[data-field=" + field + "]"))
                .getText();
    }

    private List<WebElement> auditRows() {
        return browser.findElements(By.cssSelector("#audit-list tbody tr"));
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return vigil.send(
                "POST", "/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
    }

    private String firstAdmin() {
        return TestAdmin.basic("admin", generated);
    }

    private String adminBearer() throws IOException, InterruptedException {
        HttpResponse<String> login = login("admin", ADMIN_NEW_PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return "Bearer " + VigilHarness.field(login.body(), "access_token");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(String query, String authorization) throws Exception {
        HttpResponse<String> page = vigil.send("GET", "/api/audit?" + query, null, authorization);
        assertEquals(200, page.statusCode(), page.body());
        return (List<Map<String, Object>>) object(page.body()).get("events");
    }

    private Map<String, Object> object(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }
}
