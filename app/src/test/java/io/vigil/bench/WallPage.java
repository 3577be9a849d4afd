package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Debian's headless Chromium, driven by Selenium, on the console's own camera wall ({@code #/wall}, or
 * {@code #/wall?hls=plain}, {@code #/wall?stream=main}): the tiles play with the console's player module exactly as for
 * a guard, and a probe of the benches' own ({@code wall-probe.js}, run before any script of each document) only watches
 * them (the latency and wall benches). The bench signs in
 * as the console does (the tokens of {@code POST /login} in the session storage where {@code api.js} keeps them) and
 * sets the wall's size as its buttons leave it (the local storage {@code vigil.wall.size}); which cameras the wall
 * shows is the user's camera allow-list.
 */
final class WallPage implements AutoCloseable {

    private final ChromeDriver browser;
    private final Path profile;
    private String left;

    WallPage(Path work) throws IOException {
        profile = work.resolve("chromium-profile");
        String probe;
        try (InputStream in = WallPage.class.getResourceAsStream("wall-probe.js")) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = ExternalTools.chromium(
                profile,
                "1920,1080",
                Map.of(),
                "--mute-audio",
                // a hidden or idle page must not have its timers or media throttled: the samples are timers
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        // the page itself 1920x1080, as on a wall screen in full-screen mode (the window's frame not counted)
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", probe));
    }

    /**
     * Signs in with {@code login} (the JSON answer of {@code POST /login}), sets the wall to {@code size} tiles and
     * opens the console's wall at {@code base} in a fresh document (its navigation is the page's time zero), with
     * {@code query} ({@code ""}, {@code "?hls=plain"}, {@code "?stream=main"}).
     */
    void open(String base, String login, int size, String query) {
        leave(base);
        browser.executeScript("""
                const t = JSON.parse(arguments[0]);
                sessionStorage.setItem('vigil.session', JSON.stringify({access: t.access_token,
                  refresh: t.refresh_token, username: t.username, role: t.role,
                  expiresAt: Date.now() + t.expires_in * 1000}));
                localStorage.setItem('vigil.wall.size', String(arguments[1]));""", login, size);
        browser.get(base + "/#/wall" + query);
        left = null;
    }

    /**
     * The wall: {@code wall} (its size, mode and number of tiles, null before it is drawn), {@code players} made,
     * {@code tiles}: per tile with a player camera, url, created / playing / dated (ms since navigation, null until
     * then), startup, fatal, errors, hls, lowLatency and stream (the tile's data attributes), behindMillis, the
     * decoded picture's width and height and the video's frame count so far.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> status() {
        return (Map<String, Object>) browser.executeScript(
                "return window.latencyProbe ? window.latencyProbe.status() : {tiles: [], players: 0};");
    }

    /** Samples every tile every second, {@code count} times, and returns when done. */
    @SuppressWarnings("unchecked")
    Map<String, Object> sample(int count) throws InterruptedException {
        browser.executeScript("window.latencyProbe.sample(arguments[0], 1000);", count);
        Thread.sleep(count * 1000L);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Boolean.TRUE.equals(browser.executeScript("return window.latencyProbe.sampled();"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page's sampling timer did not finish: "
                        + browser.executeScript("return JSON.stringify({taken: window.latencyProbe.sampling.taken,"
                                + " problem: window.latencyProbe.problem || null});"));
            }
            Thread.sleep(100);
        }
        return (Map<String, Object>) browser.executeScript("return window.latencyProbe.results();");
    }

    /**
     * Leaves the wall for a page of Vigil's origin with no script of its own ({@code /health}, a JSON answer): every
     * player ends with the wall's document, and the next configuration starts on an idle browser.
     */
    void leave(String base) {
        if (!(base + "/health").equals(left)) {
            browser.get(base + "/health");
            left = base + "/health";
        }
    }

    /** Chromium's processes (browser, zygotes, renderers, GPU and utility processes), for their CPU time. */
    Set<Long> processes() throws IOException {
        Set<Long> found = new HashSet<>();
        Map<Long, Long> parents = new java.util.HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                try {
                    String cmdline = Files.readString(p.resolve("cmdline"));
                    if (cmdline.contains(profile.toString())) {
                        found.add(pid);
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    parents.put(
                            pid,
                            Long.parseLong(
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]));
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Long, Long> e : parents.entrySet()) {
                if (found.contains(e.getValue()) && found.add(e.getKey())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    /** The browser's name and version as it says ({@code Chromium 156.0.8078.129}). */
    static String chromiumVersion() throws Exception {
        return ExternalTools.run(Duration.ofSeconds(30), List.of(ExternalTools.CHROMIUM, "--version"))
                .lines()
                .filter(l -> l.startsWith("Chromium"))
                .findFirst()
                .orElse("Chromium")
                .replaceAll(" built on.*", "");
    }

    /** The hls.js WebJar's version on the classpath: the one the console loads. */
    static String hlsJsVersion() {
        Matcher m =
                Pattern.compile("hls\\.js-([0-9][0-9A-Za-z.+-]*)\\.jar").matcher(System.getProperty("java.class.path"));
        if (!m.find()) {
            throw new AssertionError("no hls.js WebJar on the classpath");
        }
        return m.group(1);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
