package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WallWindowTest {

    private static Map<String, Object> tile(String camera, long frames, long dropped) {
        return Map.of(
                "camera",
                camera,
                "stream",
                "sub",
                "width",
                640,
                "height",
                360,
                "frames",
                frames,
                "dropped",
                dropped,
                "samples",
                List.of(Map.of("latency", 600.0, "height", 360), Map.of("currentTime", 1.0, "height", 0)));
    }

    private static Map<String, Object> request(String camera, String kind, long transfer, long body) {
        return Map.of("camera", camera, "kind", kind, "transfer", transfer, "body", body);
    }

    private final WallWindow window = WallWindow.of(
            "sub streams",
            "",
            Map.of(
                    "seconds", 2.0,
                    "tiles", List.of(tile("cam01", 50, 0), tile("cam02", 40, 2)),
                    "requests",
                            List.of(
                                    request("cam01", "playlist", 700, 500),
                                    request("cam01", "media", 10_300, 10_000),
                                    request("cam02", "media", 20_300, 20_000),
                                    request("cam02", "init", 1_300, 1_000))),
            new WindowCpu(50, 20, 10, 60),
            List.of(),
            List.of());

    @Test
    void eachTileIsGivenTheBytesOfItsOwnCamerasRequests() {
        assertEquals(11_000, window.tiles().get(0).transferBytes());
        assertEquals(10_000, window.tiles().get(0).mediaBytes());
        assertEquals(21_600, window.tiles().get(1).transferBytes());
        assertEquals(20_000, window.tiles().get(1).mediaBytes());
        assertEquals(32_600 / 2.0, window.bytesPerSecond());
        assertEquals(30_000 / 2.0, window.mediaBytesPerSecond());
    }

    @Test
    void theDroppedRatioIsOverAllTilesFramesAndTheWorstTileIsTheOneDroppingTheLargestShare() {
        assertEquals(2.0 / 90, window.droppedRatio());
        assertEquals("cam02", window.worstTile().camera());
        assertEquals(0.05, window.worstTile().droppedRatio());
        assertEquals(90 / 2.0 / 2, window.framesPerTileSecond());
    }

    @Test
    void samplesWithoutALatencyAreLeftOutAndHeightsWithoutAPictureToo() {
        assertEquals(List.of(600.0, 600.0), window.latencies());
        assertEquals(Set.of(360), window.tiles().get(0).heights());
    }
}
