package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.camera.CameraStatus.State;
import io.vigil.kernel.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state a stream's connection attempts, failures and recording leave on the status board. */
class StreamHealthTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T04:00:00Z"));

    private StreamHealth health() {
        return new StreamHealth(clock, null); // the spool backlog is read only by snapshots
    }

    @Test
    void theFirstAttemptIsConnecting() {
        StreamHealth h = health();
        h.attempt();
        assertEquals(State.CONNECTING, h.state);
    }

    @Test
    void aRetryAfterAFailureKeepsTheFailureAndSinceWhenItBegan() {
        for (State failure : new State[] {State.OFFLINE, State.UNAUTHORIZED, State.ERROR}) {
            StreamHealth h = health();
            h.attempt();
            h.report(failure, "refused");
            Instant failedAt = clock.instant();
            clock.advance(Duration.ofSeconds(30));
            h.attempt();
            assertEquals(failure, h.state, failure + ": a retry is no new state");
            assertEquals(failedAt, h.since, failure + ": down since the failure, not since the retry");
            assertEquals("refused", h.lastError, failure.toString());
        }
    }

    @Test
    void anAttemptAfterRecordingIsConnectingAgainSinceThen() {
        StreamHealth h = health();
        h.attempt();
        h.report(State.RECORDING, null);
        clock.advance(Duration.ofSeconds(5));
        h.attempt();
        assertEquals(State.CONNECTING, h.state);
        assertEquals(clock.instant(), h.since);
    }

    @Test
    void aRetryThatRecordsIsRecording() {
        StreamHealth h = health();
        h.report(State.OFFLINE, "no answer");
        h.attempt();
        h.report(State.RECORDING, null);
        assertEquals(State.RECORDING, h.state);
        assertEquals("no answer", h.lastError, "the last error stays for the record");
    }

    @Test
    void anErrorAloneLeavesTheStateAsItWas() {
        StreamHealth h = health();
        h.report(State.RECORDING, null);
        Instant since = h.since;
        clock.advance(Duration.ofSeconds(5));
        h.error("storage: unreachable");
        assertEquals(State.RECORDING, h.state);
        assertEquals(since, h.since);
        assertEquals("storage: unreachable", h.lastError);
        assertEquals(clock.instant(), h.lastErrorAt);
    }
}
