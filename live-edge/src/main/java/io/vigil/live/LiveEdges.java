package io.vigil.live;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live edges of the cameras this node records: the recorder writes them ({@link #edge}, {@link #remove}), the
 * live playlist reads them ({@link #find}). A camera's edge lives as long as its recorder; live sequence numbers start
 * at the clock's epoch second when it is made, so a player that reloads after a restart never sees them go back.
 */
@Singleton
public class LiveEdges {

    private final Map<String, LiveEdge> edges = new ConcurrentHashMap<>();
    private final LiveConfig config;
    private final Clock clock;

    public LiveEdges(LiveConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The camera's edge, made if it has none. */
    public LiveEdge edge(String cameraId) {
        return edges.computeIfAbsent(
                cameraId,
                id -> new LiveEdge(
                        id, clock.millis() / 1000, config.keptSegments(), config.watchWindow(), System::nanoTime));
    }

    /** The camera's edge, if this node records it. */
    public Optional<LiveEdge> find(String cameraId) {
        return Optional.ofNullable(edges.get(cameraId));
    }

    /** The camera's recorder stopped: its edge goes. */
    public void remove(String cameraId) {
        edges.remove(cameraId);
    }

    public LiveConfig config() {
        return config;
    }
}
