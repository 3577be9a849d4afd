package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by Selenium, playing live tiles with hls.js on a page of the bench's own
 * ({@code latency-page.js}) rather than the console's wall, so the figures are the protocol's and hls.js's, not the
 * console's. The page lives on Vigil's origin: the browser opens {@code /health} (a JSON answer, no script, no
 * content security policy) and the script replaces its document, so every playlist and part request is same-origin
 * with the bearer token, as the console's.
 */
final class LatencyPage implements AutoCloseable {

    private final ChromeDriver browser;
    private final Path profile;
    private final String script;

    LatencyPage(Path work) throws IOException {
        ExternalTools.requireBrowser();
        profile = work.resolve("chromium-profile");
        try (InputStream in = LatencyPage.class.getResourceAsStream("latency-page.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ExternalTools.CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--mute-audio",
                // a hidden or idle page must not have its timers or media throttled: the samples are timers
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=1920,1080",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ExternalTools.CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /**
     * A fresh document on Vigil's origin (its navigation is the page's time zero), hls.js loaded from {@code hlsJs},
     * and one tile per camera playing {@code urls}, with these hls.js settings (and {@code extra}, JSON merged over
     * them, may be null).
     */
    void open(
            String base,
            String hlsJs,
            String token,
            List<String> cameras,
            List<String> urls,
            Map<String, Object> config,
            String extra) {
        browser.get(base + "/health");
        browser.executeScript(script);
        Object loaded = browser.executeAsyncScript(
                "window.latencyBench.load(arguments[0], arguments[arguments.length - 1]);", hlsJs);
        if (!Boolean.TRUE.equals(loaded)) {
            throw new AssertionError("hls.js: " + loaded);
        }
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (int i = 0; i < cameras.size(); i++) {
            tiles.add(Map.of("camera", cameras.get(i), "url", urls.get(i)));
        }
        Map<String, Object> spec = new java.util.HashMap<>(Map.of(
                "token",
                token,
                "columns",
                (int) Math.ceil(Math.sqrt(cameras.size())),
                "config",
                config,
                "tiles",
                tiles));
        if (extra != null && !extra.isBlank()) {
            spec.put("extra", extra);
        }
        browser.executeScript("window.latencyBench.start(arguments[0]);", spec);
    }

    /** Per tile: camera, created / playing / dated (ms since navigation, null until then), fatal, errors. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> status() {
        return (List<Map<String, Object>>) browser.executeScript("return window.latencyBench.status();");
    }

    /** Samples every tile every second, {@code count} times, and returns when done. */
    @SuppressWarnings("unchecked")
    Map<String, Object> sample(int count) throws InterruptedException {
        browser.executeScript("window.latencyBench.sample(arguments[0], 1000);", count);
        Thread.sleep(count * 1000L);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Boolean.TRUE.equals(browser.executeScript("return window.latencyBench.sampled();"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page's sampling timer did not finish");
            }
            Thread.sleep(100);
        }
        return (Map<String, Object>) browser.executeScript("return window.latencyBench.results();");
    }

    /** Stops every tile's player (the next configuration starts on an idle browser). */
    void stop() {
        browser.executeScript("if (window.latencyBench) { window.latencyBench.stop(); }");
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

    @Override
    public void close() {
        browser.quit();
    }
}
