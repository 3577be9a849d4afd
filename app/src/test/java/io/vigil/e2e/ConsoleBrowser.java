package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Debian's Chromium, headless, driven by Selenium, for the console's browser tests: started with video allowed to
 * play on its own, signed in as the test admin, with the polls (deadlines, never sleeps standing in for conditions),
 * screenshots under {@code target/} and the check that the console's content security policy blocked nothing.
 */
final class ConsoleBrowser implements AutoCloseable {

    final ChromeDriver driver;

    /**
     * @param windowSize Chromium's {@code --window-size}, e.g. "1600,1000"
     * @param prefs      Chromium's preferences (downloads), or none
     */
    ConsoleBrowser(Path profile, String windowSize, Map<String, Object> prefs) {
        driver = ExternalTools.chromium(profile, windowSize, prefs);
    }

    /** Opens the console at {@code base} and signs in as the test admin. */
    void signIn(String base) throws InterruptedException {
        signIn(base, TestAdmin.USERNAME, TestAdmin.PASSWORD);
    }

    /** Opens the console at {@code base} and signs in as this user. */
    void signIn(String base, String username, String password) throws InterruptedException {
        driver.get(base + "/");
        waitFor(
                "the sign-in form",
                Duration.ofSeconds(20),
                () -> driver.findElement(By.id("login-username")).isDisplayed());
        driver.findElement(By.id("login-username")).sendKeys(username);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void assertNothingBlocked() {
        List<String> blocked = driver.manage().logs().get("browser").getAll().stream()
                .map(Object::toString)
                .filter(l -> l.contains("Content Security Policy") || l.contains("Refused to"))
                .toList();
        assertEquals(List.of(), blocked, "the console's own content security policy blocked something");
    }

    void screenshot(String name) throws Exception {
        Path target = Path.of("target", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    void waitFor(String what, Duration deadline, Supplier<Boolean> condition) throws InterruptedException {
        waitForValue(what, deadline, condition, Boolean.TRUE::equals);
    }

    /** Polls {@code value} every 200 ms until {@code done} accepts it; fails naming {@code what} after the deadline. */
    <T> T waitForValue(String what, Duration deadline, Supplier<T> value, Predicate<T> done)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        while (System.nanoTime() < end) {
            try {
                last = value.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // the page is still changing
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + " (last: " + last
                + "); browser log: " + driver.manage().logs().get("browser").getAll());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
