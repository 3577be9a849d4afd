package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.SegmentIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vigil.playback.delivery=presigned}: playlists point players straight at the object store. */
class PresignedDeliveryTest {

    @Test
    void playlistsListPresignedObjectUrlsThatServeTheSegments() throws Exception {
        ExternalTools.require();
        Path work = Files.createTempDirectory("vigil-presigned");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        try (CameraSimulator camera = new CameraSimulator(Map.of("porch", ExternalTools.clip(clips, false)), Map.of());
                VigilHarness vigil = new VigilHarness(work, Map.of("vigil.playback.delivery", "presigned"))) {
            assertEquals(
                    201,
                    vigil.send("POST", "/api/cameras", "{\"id\": \"porch\", \"url\": \"" + camera.url("porch") + "\"}")
                            .statusCode());
            SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
            vigil.await("porch has 3 stored segments", Duration.ofSeconds(60), () -> index.count("porch") >= 3);

            String playlist = vigil.send("GET", "/api/cameras/porch/live.m3u8?source=archive", null)
                    .body();
            Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"(http://127\\.0\\.0\\.1:\\d+/vigil/porch/init/[^\"]+)\"")
                    .matcher(playlist);
            assertTrue(map.find(), playlist);
            Matcher media = Pattern.compile(
                            "(http://127\\.0\\.0\\.1:\\d+/vigil/porch/\\d{4}/[^\\s]+X-Amz-Signature=[0-9a-f]+)")
                    .matcher(playlist);
            assertTrue(media.find(), playlist);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> direct = http.send(
                    HttpRequest.newBuilder(URI.create(media.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, direct.statusCode(), "the store serves the presigned URL");
            long sequence = Long.parseLong(media.group(1).replaceAll(".*/\\d+-(\\d+)\\.m4s.*", "$1"));
            byte[] proxied = vigil.download("/api/cameras/porch/segments/" + sequence + ".m4s")
                    .body();
            assertArrayEquals(proxied, direct.body(), "same bytes either way");
            String otherSegment = media.group(1).replace("-" + sequence + ".m4s", "-" + (sequence + 1) + ".m4s");
            HttpResponse<byte[]> tampered = http.send(
                    HttpRequest.newBuilder(URI.create(otherSegment)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(403, tampered.statusCode(), "a URL whose key was changed is refused");
        }
    }
}
