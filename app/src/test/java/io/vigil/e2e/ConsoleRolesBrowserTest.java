package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.SegmentIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What each role sees in the console, in a real browser against the service recording the real RTSP simulator: the
 * pages in its navigation and, on History and Investigate, the players and the range's actions; nothing it could not
 * use (the server refuses it anyway). And a share link made on History is an absolute URL that plays the footage in
 * a browser session nobody signed in to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleRolesBrowserTest {

    private static final String PASSWORD = "role-pass-12";

    private Path work;
    private CameraSimulator simulator;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-roles");
        Path clips = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips"));
        simulator = new CameraSimulator(Map.of("gate", ExternalTools.clip(clips, false)), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of());
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\":\"gate\",\"url\":\"" + simulator.url("gate") + "\"}")
                        .statusCode());
        for (String role : List.of("viewer", "auditor", "installer", "admin")) {
            assertEquals(
                    201,
                    vigil.send(
                                    "POST",
                                    "/api/users",
                                    "{\"username\":\"" + role + "-user\",\"password\":\"" + PASSWORD + "\",\"role\":\""
                                            + role + "\"}")
                            .statusCode());
        }
        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1600,1000", Map.of());
        browser = console.driver;
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            vigil.assertNeverShown(PASSWORD);
            vigil.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** A role; its pages; whether History and Investigate play; which of the range's actions it sees; bookmarks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "viewer;    Wall History Investigate;                             false; -;                  false",
                "auditor;   Wall History Investigate Audit Alerts;                true;  export hold share;  true",
                "installer; Wall Cameras Alerts;                                  false; -;                  false",
                "admin;     Wall History Investigate Cameras Audit Alerts Users;  true;  export hold share;  true",
            })
    @Order(1)
    void eachRoleSeesOnlyThePagesPlayersAndActionsItMayUse(
            String role, String pages, boolean plays, String actions, boolean bookmarks) throws Exception {
        signIn(role + "-user");
        assertEquals(List.of(pages.split(" ")), shownTexts("nav a"), role + "'s pages");
        if (!pages.contains("History")) {
            browser.get(vigil.base + "/#/history");
            browser.navigate().refresh(); // the console loads afresh at #/history: the first page it shows
            String shown = console.waitForValue(
                    "a page",
                    Duration.ofSeconds(10),
                    () -> browser.findElement(By.cssSelector("main section.page"))
                            .getAttribute("id"),
                    id -> id != null && !id.isEmpty());
            assertEquals("wall", shown, role + " asking for History");
            return;
        }
        browser.get(vigil.base + "/#/history");
        console.waitFor(
                "History's timeline",
                Duration.ofSeconds(10),
                () -> !browser.findElements(By.cssSelector("#history-timeline")).isEmpty());
        assertEquals(plays, browser.findElement(By.id("history-video")).isDisplayed(), role + ": History's player");
        assertEquals(plays, browser.findElement(By.id("history-range")).isDisplayed(), role + ": the range");
        List<String> shown = new ArrayList<>();
        for (String[] action :
                new String[][] {{"export", "export-clip"}, {"hold", "create-hold"}, {"share", "create-share"}}) {
            if (browser.findElement(By.id(action[1])).isDisplayed()) {
                shown.add(action[0]);
            }
        }
        assertEquals(actions.equals("-") ? "" : actions, String.join(" ", shown), role + ": the range's actions");

        browser.get(vigil.base + "/#/investigate");
        console.waitFor(
                "Investigate's controls",
                Duration.ofSeconds(10),
                () -> !browser.findElements(By.cssSelector("#inv-controls")).isEmpty());
        assertEquals(plays, browser.findElement(By.id("inv-play")).isDisplayed(), role + ": Investigate's player");
        // empty until played, so never displayed: is it hidden?
        assertEquals(
                !plays,
                Boolean.parseBoolean(browser.findElement(By.id("inv-grid")).getDomProperty("hidden")),
                role + ": Investigate's tiles hidden");
        assertEquals(bookmarks, browser.findElement(By.id("inv-bookmark")).isDisplayed(), role + ": bookmarks");
        console.assertNothingBlocked();
    }

    @Test
    @Order(2)
    void aShareLinkMadeOnHistoryIsAbsoluteAndPlaysInABrowserSessionNobodySignedInTo() throws Exception {
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        vigil.await(
                "4 s of gate's footage stored",
                Duration.ofSeconds(60),
                () -> index.usageBytes().containsKey("gate")
                        && index.newest("gate", 3).size() == 3);
        Instant from = index.oldest("gate", -1, 1).get(0).start().truncatedTo(ChronoUnit.SECONDS);
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        signIn("auditor-user");
        browser.get(vigil.base + "/#/history?camera=gate");
        console.waitFor(
                "History's range fields",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("range-start")).isDisplayed());
        browser.findElement(By.id("range-start")).sendKeys(from.toString());
        browser.findElement(By.id("range-end")).sendKeys(to.toString());
        browser.findElement(By.id("create-share")).click();
        String url = console.waitForValue(
                "the share link",
                Duration.ofSeconds(20),
                () -> browser.findElement(By.id("share-url")).getAttribute("value"),
                v -> !v.isEmpty());
        assertTrue(url.startsWith(vigil.base + "/api/cameras/gate/playlist.m3u8?"), url);

        // a fresh session: no cookie (the media cookie would open footage), a new window without the tab's tokens
        browser.manage().deleteAllCookies();
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(vigil.base + "/");
        console.waitFor(
                "the sign-in form: nobody is signed in",
                Duration.ofSeconds(20),
                () -> browser.findElement(By.id("login-username")).isDisplayed());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
        Object played = browser.executeAsyncScript("""
                const url = arguments[0], done = arguments[arguments.length - 1];
                const video = document.createElement('video');
                video.muted = true;
                document.body.appendChild(video);
                const hls = new Hls();
                hls.on(Hls.Events.ERROR, (e, d) => { if (d.fatal) done('failed: ' + d.details); });
                hls.loadSource(url);
                hls.attachMedia(video);
                video.play().catch(() => {});
                const started = Date.now();
                (function poll() {
                  if (video.currentTime >= 1) done('played');
                  else if (Date.now() - started > 30000) done('stuck at ' + video.currentTime);
                  else setTimeout(poll, 200);
                })();""", url);
        assertEquals("played", played);
        browser.close();
        browser.switchTo().window(browser.getWindowHandles().iterator().next());
    }

    /** Forgets whoever is signed in (the tab's tokens and the media cookie), then signs this user in. */
    private void signIn(String username) throws InterruptedException {
        browser.get(vigil.base + "/");
        console.script("sessionStorage.clear();");
        browser.manage().deleteAllCookies();
        console.signIn(vigil.base, username, PASSWORD);
        console.waitFor(
                username + " signed in",
                Duration.ofSeconds(20),
                () -> browser.findElement(By.id("who")).getText().startsWith(username + " "));
    }

    private List<String> shownTexts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }
}
