package io.vigil.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.retention.hold.Hold;
import io.vigil.retention.hold.HoldRequest;
import io.vigil.retention.plan.Deletion;
import io.vigil.retention.run.RunSummary;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention end to end over a real H2 index and a real S3-compatible store, with a clock the test sets. */
@org.junit.jupiter.api.Tag(io.vigil.kernel.database.TestDatabase.TAG)
class RetentionServiceTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final Instant DAYS_AGO_5 = NOW.minus(Duration.ofDays(5));
    static final Instant DAYS_AGO_1 = NOW.minus(Duration.ofDays(1));

    RetentionHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    /** Index and store agree exactly: no row without its object, no object without its row. */
    void assertIndexEqualsStore(String cameraId) {
        assertEquals(h.indexedSegments(cameraId), h.storedSegments(cameraId), "index and store of " + cameraId);
    }

    /** A run on another node (an API run there, say) holds the cluster's lock: this one deletes nothing, and says why. */
    @Test
    void aRunWhileAnotherNodesRunHoldsTheLockIsRefusedAndDeletesNothing() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("short", 3, null);
        h.record("short", "s1", DAYS_AGO_5, 10, 100);
        io.vigil.retention.run.RunLock otherNode =
                new io.vigil.retention.run.RunLock(h.db, new io.vigil.kernel.NodeIdentity("node-b"), h.clock);
        RunSummary refused;
        try (var held = otherNode.take().orElseThrow()) {
            refused = h.service().runNow("API");
        }
        assertEquals(RunSummary.Outcome.REFUSED, refused.outcome());
        assertTrue(
                refused.details().get(0).contains("in progress on node node-b"),
                refused.details().toString());
        assertEquals(10, h.index.count("short"), "nothing deleted while the other run held the lock");
        RunSummary after = h.service().runNow("API");
        assertEquals(RunSummary.Outcome.COMPLETED, after.outcome(), "the lock was released with the other run");
        assertEquals(9, after.segmentsDeletedAge(), "all but the camera's newest segment");
        assertTrue(otherNode.take().isPresent(), "and this run released it too");
    }

    @Test
    void ageDeletesOnlySegmentsOlderThanTheCameraRetentionInStoreAndIndex() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("short", 3, null);
        h.camera("long", 30, null);
        h.record("short", "s1", DAYS_AGO_5, 10, 100);
        h.record("short", "s2", DAYS_AGO_1, 10, 100);
        h.record("long", "l1", DAYS_AGO_5, 10, 100);
        RunSummary run = h.service().runNow("TEST");
        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome());
        assertEquals(10, run.segmentsDeletedAge());
        assertEquals(1000, run.bytesDeleted());
        assertEquals(1, run.initSegmentsDeleted(), "the 5-day-old session's init segment is no longer needed");
        assertEquals(10, h.index.count("short"));
        assertEquals(10, h.index.count("long"));
        assertTrue(
                h.indexedSegments("short").stream().allMatch(k -> k.contains("/2026/11/23/")),
                "only yesterday's remain");
        assertIndexEqualsStore("short");
        assertIndexEqualsStore("long");
        assertEquals(1, h.spans.all("short").size(), "the deleted session's span is gone");
        assertEquals(run, h.runs.last().orElseThrow());
    }

    @Test
    void eachStreamIsKeptForItsOwnDaysAndQuotaAndAHoldKeepsBoth() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.cameraWithSub("yard", 2, 30, 1_500L);
        h.record("yard", "m1", DAYS_AGO_5, 10, 100);
        h.record("yard.sub", "s1", DAYS_AGO_5, 20, 100); // 2,000 bytes over its 1,500: down to 90 % = 1,350
        h.holds.place(new HoldRequest(
                "yard", DAYS_AGO_5.toString(), DAYS_AGO_5.plusSeconds(4).toString(), "case 2026-19"));
        RunSummary run = h.service().runNow("TEST");
        assertEquals(
                10 - 2 - 1,
                run.segmentsDeletedAge(),
                "main (2 days): all but the 2 held and its newest; sub: none by age");
        assertEquals(20 - 13, run.segmentsDeletedQuota(), "sub: its 7 oldest but the 2 held, for its own quota");
        assertEquals(
                List.of(0L, 1L, 9L),
                h.index.oldest("yard", -1, 100).stream().map(s -> s.sequence()).toList());
        assertEquals(
                List.of(0L, 1L, 9L, 10L, 11L),
                h.index.oldest("yard.sub", -1, 100).stream()
                        .map(s -> s.sequence())
                        .limit(5)
                        .toList(),
                "the hold on the camera keeps its sub stream's segments too");
        assertIndexEqualsStore("yard");
        assertIndexEqualsStore("yard.sub");
    }

    @Test
    void aHoldLimitedToOneStreamKeepsThatStreamOnly() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.cameraWithSub("yard", 2, 2, null);
        h.record("yard", "m1", DAYS_AGO_5, 5, 100);
        h.record("yard.sub", "s1", DAYS_AGO_5, 5, 100);
        Hold subOnly = h.holds.place(new HoldRequest(
                "yard", DAYS_AGO_5.toString(), DAYS_AGO_5.plusSeconds(4).toString(), "case 2026-20", "sub"));
        assertEquals("sub", subOnly.stream());
        assertEquals("sub", h.holds.get(subOnly.id()).stream(), "kept as placed");
        h.service().runNow("TEST");
        assertEquals(
                List.of(4L),
                h.index.oldest("yard", -1, 100).stream().map(s -> s.sequence()).toList());
        assertEquals(
                List.of(0L, 1L, 4L),
                h.index.oldest("yard.sub", -1, 100).stream()
                        .map(s -> s.sequence())
                        .toList());
        VigilException wrong = assertThrows(
                VigilException.class,
                () -> h.holds.place(new HoldRequest(
                        "yard", DAYS_AGO_5.toString(), DAYS_AGO_5.plusSeconds(4).toString(), "x", "third")));
        assertEquals(Map.of("stream", "must be main or sub"), wrong.fieldErrors());
    }

    @Test
    void quotasDeleteOldestFirstDownToTheLowWaterMark() throws Exception {
        h = new RetentionHarness(NOW, 3_000L);
        h.camera("a", 30, 1_000L); // 20 x 100 bytes = 2,000 over 1,000: down to 900
        h.camera("b", 30, null);
        h.record("a", "a1", DAYS_AGO_5, 20, 100);
        h.record("b", "b1", DAYS_AGO_5.plusSeconds(1), 30, 100); // then 900 + 3,000 over 3,000 globally: down to 2,700
        RunSummary run = h.service().runNow("TEST");
        // a: 11 oldest for its own quota (2,000 -> 900). All: 900 + 3,000 = 3,900 over 3,000 -> 2,700, the 12 oldest
        // across cameras: b's starts (+1 s, +3 s, ...) interleave with a's remaining (+22 s, +24 s, ...): b0..b10, a11.
        assertEquals(11 + 12, run.segmentsDeletedQuota());
        assertEquals(
                2_700,
                h.index.usageBytes().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertEquals(800, h.index.usageBytes().get("a"));
        assertIndexEqualsStore("a");
        assertIndexEqualsStore("b");
        List<Long> bRemaining = new ArrayList<>();
        h.index.oldest("b", -1, 100).forEach(s -> bRemaining.add(s.sequence()));
        assertEquals(11L, bRemaining.get(0), "b lost exactly its 11 oldest");
    }

    @Test
    void aHoldKeepsFootageFromAgeAndQuotaUntilReleased() throws Exception {
        h = new RetentionHarness(NOW, 1L);
        h.camera("lobby", 2, 1L);
        h.record("lobby", "s1", DAYS_AGO_5, 30, 100);
        Hold hold = h.holds.place(new HoldRequest(
                "lobby",
                DAYS_AGO_5.plusSeconds(20).toString(),
                DAYS_AGO_5.plusSeconds(30).toString(),
                "case 2026-17"));
        RunSummary run = h.service().runNow("TEST");
        assertEquals(
                24, run.segmentsDeletedAge(), "all but the 5 held and the newest (kept so sequences never repeat)");
        assertEquals(5, run.segmentsHeld(), "segments 10..14 overlap [20 s, 30 s)");
        assertTrue(
                run.details().stream().anyMatch(d -> d.startsWith("camera lobby: ")),
                "the unmet quota is stated: " + run.details());
        assertEquals(6, h.index.count("lobby"));
        assertIndexEqualsStore("lobby");

        h.holds.release(hold.id());
        RunSummary after = h.service().runNow("TEST");
        assertEquals(5, after.segmentsDeletedAge(), after.toString());
        assertEquals(
                List.of(29L),
                h.index.oldest("lobby", -1, 100).stream().map(s -> s.sequence()).toList(),
                "the newest stays, so the next segment is 30, not a reused 0");
        h.record("lobby", "s2", NOW.minusSeconds(60), 1, 100);
        assertEquals(30L, h.index.newest("lobby", 1).get(0).sequence());
        assertIndexEqualsStore("lobby");
        assertEquals(1, h.holds.list("lobby").size(), "a released hold stays on record");
        assertEquals(NOW, h.holds.get(hold.id()).released());
        assertTrue(hold.active(), "a hold read back before its release is active");
    }

    @Test
    void aStoreThatDiesMidBatchLeavesMarksTheNextRunCompletes() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("door", 1, null);
        h.record("door", "d1", DAYS_AGO_5, 40, 100);
        h.record("door", "d2", NOW.minusSeconds(600), 5, 100);
        AtomicInteger calls = new AtomicInteger();
        RunSummary failed = h.service(
                        real -> new FailingStore(real, keys -> {
                            if (calls.incrementAndGet() == 2) {
                                real.deleteAll(
                                        keys.subList(0, keys.size() / 2)); // half the batch goes, then the store dies
                                throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "connection reset");
                            }
                            return real.deleteAll(keys);
                        }),
                        15)
                .runNow("TEST");
        assertEquals(RunSummary.Outcome.FAILED, failed.outcome());
        assertEquals(15, failed.segmentsDeletedAge(), "the first batch of 15 went through");
        assertTrue(h.storedSegments("door").size() < h.indexedSegments("door").size(), "rows now name missing objects");
        assertEquals(25, h.marks.pending().size(), "the rest stays marked");

        RunSummary next = h.service().runNow("TEST");
        assertEquals(RunSummary.Outcome.COMPLETED, next.outcome());
        assertEquals(25, next.segmentsDeletedAge());
        assertEquals(5, h.index.count("door"));
        assertEquals(List.of(), h.marks.pending());
        assertIndexEqualsStore("door");
    }

    @Test
    void keysTheStoreRefusesStayMarkedAndAreDeletedByTheNextRun() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("gate", 1, null);
        h.record("gate", "g1", DAYS_AGO_5, 10, 100);
        RunSummary partial = h.service(real -> new FailingStore(real, keys -> {
                    Map<String, String> refused = new java.util.HashMap<>(real.deleteAll(keys.subList(2, keys.size())));
                    keys.subList(0, 2).forEach(k -> refused.put(k, "AccessDenied: test"));
                    return refused;
                }))
                .runNow("TEST");
        assertEquals(RunSummary.Outcome.PARTIAL, partial.outcome());
        assertEquals(2, partial.segmentsFailed());
        assertEquals(3, h.index.count("gate"), "the 2 refused and the newest");
        assertIndexEqualsStore("gate");
        RunSummary next = h.service().runNow("TEST");
        assertEquals(RunSummary.Outcome.COMPLETED, next.outcome());
        assertEquals(2, next.segmentsDeletedAge());
        assertEquals(1, h.index.count("gate"));
    }

    @Test
    void previewListsExactlyWhatTheNextRunDeletes() throws Exception {
        h = new RetentionHarness(NOW, 2_500L);
        h.camera("a", 3, 1_500L);
        h.camera("b", 30, null);
        h.record("a", "a1", DAYS_AGO_5, 12, 100);
        h.record("a", "a2", DAYS_AGO_1, 12, 100);
        h.record("b", "b1", DAYS_AGO_5, 20, 100);
        h.holds.place(new HoldRequest(
                "b", DAYS_AGO_5.toString(), DAYS_AGO_5.plusSeconds(6).toString(), "incident"));
        RetentionService retention = h.service();
        RetentionPreview preview = retention.preview();
        long previewed = preview.deletions().stream()
                .mapToLong(RetentionPreview.CameraDeletions::segments)
                .sum();
        long previewedBytes = preview.deletions().stream()
                .mapToLong(RetentionPreview.CameraDeletions::bytes)
                .sum();
        assertTrue(preview.deletions().stream().anyMatch(d -> d.reason() == Deletion.Reason.AGE));
        assertTrue(preview.deletions().stream().anyMatch(d -> d.reason() == Deletion.Reason.QUOTA));
        RunSummary run = retention.runNow("TEST");
        assertEquals(previewed, run.segmentsDeletedAge() + run.segmentsDeletedQuota());
        assertEquals(previewedBytes, run.bytesDeleted());
        assertEquals(preview.heldSegments(), run.segmentsHeld());
        assertEquals(preview.shortfalls(), run.details());
        assertEquals(List.of(), retention.preview().deletions(), "nothing left for the run after");
    }

    @Test
    void refusesToDeleteWhenTheClockJumpedBehindTheRecordings() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("a", 1, null);
        h.record("a", "a1", DAYS_AGO_5, 10, 100);
        h.record("a", "a2", NOW.minusSeconds(60), 10, 100);
        h.clock.set(NOW.minus(Duration.ofDays(3))); // the clock jumped back 3 days
        RunSummary run = h.service().runNow("TEST");
        assertEquals(RunSummary.Outcome.REFUSED, run.outcome());
        assertTrue(run.details().get(0).contains("jumped back"), run.details().toString());
        assertEquals(20, h.index.count("a"));
        assertIndexEqualsStore("a");
    }

    @Test
    void holdsAreValidated() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("a", 1, null);
        VigilException noReason = assertThrows(
                VigilException.class,
                () -> h.holds.place(new HoldRequest("a", DAYS_AGO_5.toString(), NOW.toString(), " ")));
        assertEquals(ErrorCode.VALIDATION_FAILED, noReason.code());
        assertEquals(
                ErrorCode.INVALID_RANGE,
                assertThrows(
                                VigilException.class,
                                () -> h.holds.place(new HoldRequest("a", NOW.toString(), DAYS_AGO_5.toString(), "x")))
                        .code());
        assertEquals(
                ErrorCode.CAMERA_NOT_FOUND,
                assertThrows(
                                VigilException.class,
                                () -> h.holds.place(
                                        new HoldRequest("nobody", DAYS_AGO_5.toString(), NOW.toString(), "x")))
                        .code());
        assertEquals(
                ErrorCode.HOLD_NOT_FOUND,
                assertThrows(VigilException.class, () -> h.holds.release("nope"))
                        .code());
    }

    /** A store whose batch deletes the test decides; everything else goes to the real one. */
    static final class FailingStore implements ObjectStore {
        interface DeleteAll {
            Map<String, String> apply(List<String> keys);
        }

        final ObjectStore real;
        final DeleteAll deleteAll;

        FailingStore(ObjectStore real, DeleteAll deleteAll) {
            this.real = real;
            this.deleteAll = deleteAll;
        }

        @Override
        public Map<String, String> deleteAll(List<String> keys) {
            return deleteAll.apply(keys);
        }

        @Override
        public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) {
            real.put(key, bytes, contentType, metadata);
        }

        @Override
        public Optional<Map<String, String>> metadata(String key) {
            return real.metadata(key);
        }

        @Override
        public void delete(String key) {
            real.delete(key);
        }

        @Override
        public InputStream read(String key, long offsetBytes, long lengthBytes) {
            return real.read(key, offsetBytes, lengthBytes);
        }

        @Override
        public boolean holdsAnyUnder(String prefix) {
            return real.holdsAnyUnder(prefix);
        }

        @Override
        public List<StoredObject> list(String prefix) {
            return real.list(prefix);
        }

        @Override
        public String presignedGet(String key, Duration validFor) {
            return real.presignedGet(key, validFor);
        }

        @Override
        public boolean reachable() {
            return real.reachable();
        }
    }
}
