package io.vigil.playback.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipManifestTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:02:00Z");

    @Test
    void theSignedTextHasItsFieldsInAFixedOrderOneSegmentPerLine() {
        ClipManifest manifest = new ClipManifest(
                "lobby",
                T0,
                T0.plusSeconds(15),
                "lobby_20261122T100200Z_20261122T100215Z.mp4",
                List.of(
                        new ClipManifest.Entry(7, T0.minusMillis(500), 2000, "ab".repeat(32)),
                        new ClipManifest.Entry(9, T0.plusSeconds(10), 2000, null)),
                List.of(new TimeRange(T0.plusMillis(1500), T0.plusSeconds(10))),
                "cd".repeat(32),
                123_456);
        String expected = """
                {"format":"vigil-clip-manifest/1",
                "cameraId":"lobby",
                "start":"2026-11-22T10:02:00Z",
                "end":"2026-11-22T10:02:15Z",
                "fileName":"lobby_20261122T100200Z_20261122T100215Z.mp4",
                "clipSha256":"%s",
                "clipSizeBytes":123456,
                "gaps":[{"start":"2026-11-22T10:02:01.500Z","end":"2026-11-22T10:02:10Z"}],
                "segments":[
                {"sequence":7,"start":"2026-11-22T10:01:59.500Z","durationMillis":2000,"sha256":"%s"},
                {"sequence":9,"start":"2026-11-22T10:02:10Z","durationMillis":2000,"sha256":null}
                ]}
                """.formatted("cd".repeat(32), "ab".repeat(32));
        assertEquals(expected, new String(manifest.json(), StandardCharsets.UTF_8));
        assertEquals(expected, new String(manifest.json(), StandardCharsets.UTF_8), "the same bytes every time");
    }
}
