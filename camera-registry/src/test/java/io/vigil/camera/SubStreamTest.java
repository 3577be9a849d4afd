package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.VigilException;
import io.vigil.kernel.StreamName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A camera's sub stream: how the cameras file and the API give it, and the rules it is checked by. */
class SubStreamTest {

    private static final CameraValidator VALIDATOR = new CameraValidator(14);

    private static CameraRequest request(String url, StreamRequest sub) {
        return new CameraRequest(
                "yard",
                "Yard",
                url,
                "admin",
                "secret",
                null,
                null,
                null,
                null,
                null,
                null,
                new StreamsRequest(null, sub),
                null);
    }

    private static Camera valid(String url, StreamRequest sub, Optional<Camera> existing) {
        return VALIDATOR.validate(request(url, sub), existing, Camera.Source.API);
    }

    private static Map<String, String> errors(String url, StreamRequest sub, Optional<Camera> existing) {
        VigilException e = assertThrows(
                VigilException.class, () -> VALIDATOR.validate(request(url, sub), existing, Camera.Source.API));
        return e.fieldErrors();
    }

    @Test
    void theCamerasFileGivesStreamsAsMainAndSub() {
        CamerasFile.Parsed parsed = CamerasFile.parse("""
                cameras:
                  - id: yard
                    name: Yard
                    streams:
                      main: { url: "rtsp://192.0.2.10/main" }
                      sub:  { url: "rtsp://192.0.2.10/sub", retention-days: 90, max-bytes: 2GB }
                """, name -> null);
        assertEquals(List.of(), parsed.errors());
        Camera yard = VALIDATOR.validate(parsed.cameras().get("yard"), Optional.empty(), Camera.Source.FILE);
        assertEquals("rtsp://192.0.2.10/main", yard.url().value(), "streams.main.url is the camera's url");
        assertEquals(List.of(StreamName.MAIN, StreamName.SUB), yard.streams());
        assertEquals("rtsp://192.0.2.10/sub", yard.url(StreamName.SUB).value());
        assertEquals(90, yard.retentionDays(StreamName.SUB));
        assertEquals(14, yard.retentionDays(StreamName.MAIN), "the main stream keeps the default");
        assertEquals(2_000_000_000L, yard.maxBytes(StreamName.SUB));
        assertNull(yard.maxBytes(StreamName.MAIN));
    }

    @Test
    void theCamerasFileNamesAnUnknownStreamOrKey() {
        CamerasFile.Parsed parsed = CamerasFile.parse("""
                cameras:
                  - id: yard
                    url: rtsp://192.0.2.10/main
                    streams:
                      third: { url: "rtsp://192.0.2.10/3" }
                      sub: { url: "rtsp://192.0.2.10/sub", fps: 5 }
                """, name -> null);
        assertEquals(1, parsed.errors().size());
        assertTrue(
                parsed.errors().get(0).contains("unknown stream 'third'"),
                parsed.errors().get(0));
        assertTrue(
                parsed.errors().get(0).contains("streams.sub.fps"),
                parsed.errors().get(0));
    }

    @Test
    void aNewSubStreamIsKeptAsLongAsTheMainStreamUnlessToldOtherwise() {
        Camera yard = valid(
                "rtsp://192.0.2.10/main", new StreamRequest("rtsp://192.0.2.10/sub", null, null), Optional.empty());
        assertEquals(14, yard.retentionDays(StreamName.SUB));
        assertEquals(
                "rtsp://admin:secret@192.0.2.10/sub", yard.connectionUrl(StreamName.SUB), "the camera's credentials");
    }

    @Test
    void aSubStreamIsAnotherPathOnTheSameCamera() {
        assertEquals(
                Map.of(
                        "streams.sub.url",
                        "must be at the url's scheme, host and port: a sub stream is another path on the same camera"),
                errors(
                        "rtsp://192.0.2.10/main",
                        new StreamRequest("rtsp://192.0.2.99/sub", null, null),
                        Optional.empty()));
        assertEquals(
                Map.of("streams.sub.url", "must differ from the main stream's url"),
                errors(
                        "rtsp://192.0.2.10/main",
                        new StreamRequest("rtsp://192.0.2.10/main", null, null),
                        Optional.empty()));
        assertEquals(
                Map.of("streams.sub.url", "must not carry credentials: the camera's username and password are used"),
                errors(
                        "rtsp://192.0.2.10/main",
                        new StreamRequest("rtsp://u:p@192.0.2.10/sub", null, null),
                        Optional.empty()));
        assertTrue(
                errors("rtsp://192.0.2.10/main", new StreamRequest(null, 5, null), Optional.empty())
                        .containsKey("streams.sub.url"),
                "a new sub stream needs its url");
        assertTrue(
                errors("rtsp://192.0.2.10/main", new StreamRequest("rtsp://192.0.2.10/sub", 0, null), Optional.empty())
                        .containsKey("streams.sub.retentionDays"));
    }

    @Test
    void anUpdateKeepsChangesOrRemovesTheSubStream() {
        Camera before = valid(
                "rtsp://192.0.2.10/main", new StreamRequest("rtsp://192.0.2.10/sub", 90, 5000L), Optional.empty());
        Camera kept = valid(null, null, Optional.of(before));
        assertEquals(before.sub(), kept.sub(), "no streams in the request: kept");
        Camera longer = valid(null, new StreamRequest(null, 120, 0L), Optional.of(before));
        assertEquals(
                new SubStream(before.sub().url(), 120, null), longer.sub(), "days changed, quota removed, url kept");
        assertNull(
                valid(null, new StreamRequest("", null, null), Optional.of(before))
                        .sub(),
                "an empty url removes it");
        assertEquals(
                Map.of(
                        "streams.sub.url",
                        "is at another origin than the new url: give the sub stream's url too, or \"\" to remove it"),
                errors("rtsp://192.0.2.20/main", null, Optional.of(before)),
                "moving the camera does not leave its sub stream at the old address");
    }

    @Test
    void onlyTheChangedStreamRecordsAnew() {
        Camera before =
                valid("rtsp://192.0.2.10/main", new StreamRequest("rtsp://192.0.2.10/sub", 90, null), Optional.empty());
        Camera otherSub = valid(null, new StreamRequest("rtsp://192.0.2.10/sub2", null, null), Optional.of(before));
        Camera longerSub = valid(null, new StreamRequest(null, 200, null), Optional.of(before));
        assertTrue(before.recordsLike(otherSub, StreamName.MAIN));
        assertFalse(before.recordsLike(otherSub, StreamName.SUB));
        assertTrue(before.recordsLike(longerSub, StreamName.SUB), "retention is no reason to reconnect");
        Camera withoutSub = valid(null, new StreamRequest("", null, null), Optional.of(before));
        assertFalse(before.recordsLike(withoutSub, StreamName.SUB));
        assertTrue(
                CameraDiff.changed(before, otherSub).contains("sub stream rtsp://192.0.2.10/sub2"),
                CameraDiff.changed(before, otherSub));
        assertEquals("sub stream removed", CameraDiff.changed(before, withoutSub));
    }
}
