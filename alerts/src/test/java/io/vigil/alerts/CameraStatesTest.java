package io.vigil.alerts;

import static io.vigil.camera.CameraStatus.State.DISABLED;
import static io.vigil.camera.CameraStatus.State.OFFLINE;
import static io.vigil.camera.CameraStatus.State.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.AlertRule;
import io.vigil.alerts.plan.CameraObservation;
import io.vigil.alerts.plan.DigestPolicy;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.archive.SpoolBacklog;
import io.vigil.archive.UnnumberedSegments;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.camera.CameraRegistry;
import io.vigil.camera.CameraRepository;
import io.vigil.camera.CameraRequest;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.camera.secret.CredentialCipher;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an alert check sees, from the real camera registry and status board: the cameras this node records with the
 * board's state and since, disabled ones as DISABLED, others only as existing; and a dead camera reported on the board
 * fires its alert through the check.
 */
class CameraStatesTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(T);
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    CameraRegistry registry;
    CameraStatusBoard board;
    CameraStates states;

    @BeforeEach
    void cameras() {
        registry = new CameraRegistry(
                new CameraRepository(db, new CredentialCipher(() -> new byte[32], new SecureRandom())),
                e -> {},
                clock,
                30);
        SpoolConfig spool = new SpoolConfig(
                dir.resolve("spool"),
                1L << 26,
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofHours(2),
                1L << 26);
        board = new CameraStatusBoard(
                clock,
                new SpoolBacklog(new SegmentSpool(spool), new UnnumberedSegments(spool)),
                new SimpleMeterRegistry());
        for (String id : List.of("dock", "gate", "yard")) {
            registry.create(new CameraRequest(id, null, "rtsp://192.0.2.1/" + id, null, null, null, null, null, null));
        }
        registry.create(new CameraRequest("old", null, "rtsp://192.0.2.1/old", null, null, null, false, null, null));
        states = new CameraStates(registry, board, id -> !id.equals("yard")); // another node records yard
    }

    @Test
    void theCamerasThisNodeRecordsAreSeenWithTheBoardsStateAndSince() {
        board.recording("gate");
        clock.advance(Duration.ofSeconds(7));
        board.report("dock", OFFLINE, "unreachable");
        CameraStates.Look look = states.look();
        assertEquals(
                List.of(
                        new CameraObservation("dock", OFFLINE, T.plusSeconds(7)),
                        new CameraObservation("gate", RECORDING, T),
                        new CameraObservation("old", DISABLED, Instant.EPOCH)),
                look.judged().stream()
                        .sorted(java.util.Comparator.comparing(CameraObservation::cameraId))
                        .toList());
        assertEquals(Set.of("dock", "gate", "yard", "old"), look.existing());
    }

    @Test
    void aCameraReportedOfflineOnTheBoardFiresOnceThroughTheCheck() {
        AlertChecker checker = new AlertChecker(
                new AlertRepository(db, new DeliveryRepository(db)),
                states::look,
                new AlertChecker.Settings(
                        List.of(AlertRule.cameraDown(30_000)),
                        new DigestPolicy(3, 10_000),
                        List.of(new AlertTarget.Webhook(WebhookTarget.of("http://127.0.0.1:9/hook"))),
                        "n1"),
                clock,
                (action, camera, detail, failed) -> {});
        board.recording("dock");
        board.recording("gate");
        board.report("dock", OFFLINE, "unreachable");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), checker.check());
        clock.advance(Duration.ofSeconds(1));
        board.attempting("dock"); // a retry keeps OFFLINE and its since
        List<Alert> fired = checker.check();
        assertEquals(1, fired.size());
        assertEquals("Camera dock is OFFLINE (for 30 s)", AlertMessage.summary(fired.get(0)));
        assertEquals(List.of(), checker.check());
        board.recording("dock");
        assertEquals(
                "Camera dock is RECORDING again",
                AlertMessage.summary(checker.check().get(0)));
    }
}
