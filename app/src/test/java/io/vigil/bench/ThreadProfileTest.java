package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadProfileTest {

    @Test
    void aProcessWithoutATypeIsTheBrowser() {
        assertEquals("browser", ThreadProfile.kind("/usr/lib/chromium/chromium\0--headless=new\0--no-sandbox\0"));
    }

    @Test
    void aChildSaysItsTypeAlsoWhenChromiumRewroteItsCommandLineWithSpaces() {
        assertEquals(
                "renderer",
                ThreadProfile.kind("/usr/lib/chromium/chromium --type=renderer --crashpad-handler-pid=1 --lang=en-US"));
        assertEquals("gpu-process", ThreadProfile.kind("/usr/lib/chromium/chromium\0--type=gpu-process\0"));
    }

    @Test
    void aUtilityProcessSaysItsService() {
        assertEquals(
                "utility (network)",
                ThreadProfile.kind("/usr/lib/chromium/chromium --type=utility"
                        + " --utility-sub-type=network.mojom.NetworkService --lang=en-US"));
    }
}
