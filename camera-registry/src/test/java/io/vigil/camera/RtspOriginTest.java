package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** What counts as the same origin (where a camera's stored credentials may still be sent): the pure rule. */
class RtspOriginTest {

    private static RtspOrigin origin(String url) {
        return RtspUrl.parse(url).url().origin();
    }

    @Test
    void sameSchemeHostAndPortIsTheSameOriginWhateverThePath() {
        String[][] same = {
            {"rtsp://192.0.2.10/stream1", "rtsp://192.0.2.10/stream2?channel=2"},
            {"rtsp://Camera.Example/a", "rtsp://camera.example/a"}, // host case
            {"RTSP://camera.example/a", "rtsp://camera.example/b"}, // scheme case
            {"rtsp://192.0.2.10/a", "rtsp://192.0.2.10:554/a"}, // rtsp default port filled in
            {"rtsps://192.0.2.10/a", "rtsps://192.0.2.10:322/a"}, // rtsps default port filled in
            {"rtsp://[2001:DB8::1]/a", "rtsp://[2001:db8::1]:554/b"}, // IPv6, case and default port
        };
        for (String[] pair : same) {
            assertEquals(origin(pair[0]), origin(pair[1]), pair[0] + " vs " + pair[1]);
        }
    }

    @Test
    void anotherSchemeHostOrPortIsAnotherOrigin() {
        String[][] different = {
            {"rtsp://192.0.2.10/a", "rtsps://192.0.2.10/a"}, // scheme (554 vs 322 too)
            {"rtsp://192.0.2.10:554/a", "rtsps://192.0.2.10:554/a"}, // scheme alone
            {"rtsp://192.0.2.10/a", "rtsp://192.0.2.11/a"}, // host
            {"rtsp://camera.example/a", "rtsp://camera.example.evil/a"}, // host suffix
            {"rtsp://192.0.2.10/a", "rtsp://192.0.2.10:8554/a"}, // port
            {"rtsps://192.0.2.10/a", "rtsps://192.0.2.10:554/a"}, // rtsps on rtsp's port
        };
        for (String[] pair : different) {
            assertNotEquals(origin(pair[0]), origin(pair[1]), pair[0] + " vs " + pair[1]);
        }
    }

    @Test
    void originShowsTheEffectivePort() {
        assertEquals(
                "rtsp://camera.example:554", origin("rtsp://Camera.Example/x").toString());
        assertEquals(
                "rtsps://[2001:db8::1]:322", origin("rtsps://[2001:db8::1]/x").toString());
    }

    @Test
    void aUrlCanNameTheCheckedAddressInsteadOfItsHost() {
        RtspUrl url =
                RtspUrl.parse("rtsp://camera.example:8554/live/main?profile=1").url();
        assertEquals(
                "rtsp://192.0.2.7:8554/live/main?profile=1",
                url.withHost("192.0.2.7").value());
        assertEquals(
                "rtsps://[2001:db8::7]/s",
                RtspUrl.parse("rtsps://cam/s").url().withHost("2001:db8::7").value());
    }
}
