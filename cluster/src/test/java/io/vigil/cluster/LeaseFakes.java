package io.vigil.cluster;

import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.hook.RecordingControl;
import io.vigil.kernel.hook.SequenceReservations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Hand-made fakes of the kernel hooks and the status board for the lease jobs' tests; all write one event log. */
final class LeaseFakes {

    /** What the fakes were asked, in order, e.g. {@code "sync cam1 (assigned: false)"}. */
    final List<String> events = new ArrayList<>();

    final LeasedCameras leased = new LeasedCameras();
    final Recording recording = new Recording();
    final Sequences sequences = new Sequences();
    /** Cameras with a sub stream. */
    final java.util.Set<String> withSub = new java.util.HashSet<>();
    /** The numbering of every stream of a camera, over {@link #sequences}. */
    final CameraSequences cameraSequences = new CameraSequences(sequences, withSub::contains);

    final Board board = new Board();

    static ClusterConfig config(Duration lease, Duration check) {
        return new ClusterConfig(true, "a", null, lease, check, null);
    }

    synchronized void log(String event) {
        events.add(event);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The recorder: {@code sync} stops a camera no longer assigned; {@code stopped} completes as told. */
    final class Recording implements RecordingControl {
        final Map<String, CompletableFuture<Void>> stopped = new HashMap<>();
        /** Cameras whose {@link #stopNow} throws, as a recorder in a bad state might. */
        final java.util.Set<String> failingStops = new java.util.HashSet<>();

        /** A recorder that never stops (until the test completes its future). */
        void stuck(String cameraId) {
            stopped.put(cameraId, new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<Void> sync(String cameraId) {
            log("sync " + cameraId + " (assigned: " + leased.recordsHere(cameraId) + ")");
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void stopNow(String cameraId) {
            log("stopNow " + cameraId);
            if (failingStops.contains(cameraId)) {
                throw new IllegalStateException("recorder of " + cameraId + " in a bad state");
            }
        }

        @Override
        public CompletableFuture<Void> stopped(String cameraId) {
            log("stopped? " + cameraId);
            return stopped.getOrDefault(cameraId, CompletableFuture.completedFuture(null));
        }

        @Override
        public void stopAll() {
            log("stopAll");
        }
    }

    /**
     * The archive's numbering: every stream's next sequence is {@code next} (or its own in {@code nextOf});
     * {@code onNext} runs when it is asked.
     */
    final class Sequences implements SequenceReservations {
        long next = 100;
        final Map<String, Long> nextOf = new HashMap<>();
        Consumer<String> onNext = c -> {};

        @Override
        public void claimSequences(String cameraId, long floor) {
            log("claim " + cameraId + " from " + floor + " (assigned: " + leased.recordsHere(cameraId) + ")");
        }

        @Override
        public long nextSequence(String cameraId) {
            onNext.accept(cameraId);
            log("nextSequence " + cameraId);
            return nextOf.getOrDefault(cameraId, next);
        }

        @Override
        public long nextSequenceNow(String cameraId) {
            return nextOf.getOrDefault(cameraId, next);
        }
    }

    /** The status board: records what it is told; this node's own report of a camera is a fixed one. */
    final class Board extends CameraStatusBoard {
        Board() {
            super(Clock.systemUTC(), null, null);
        }

        @Override
        public void report(String cameraId, CameraStatus.State state, String error) {
            log("report " + cameraId + " " + state + ": " + error);
        }

        @Override
        public void dropRemote(String cameraId) {
            log("dropRemote " + cameraId);
        }
    }

    /** Status reports whose every published report is {@code {"state":"RECORDING"}}. */
    StatusReports reports(ClusterConfig config) {
        return new StatusReports(board, null, config, leased, Clock.systemUTC()) {
            @Override
            String publish(String cameraId) {
                return "{\"state\":\"RECORDING\"}";
            }
        };
    }
}
