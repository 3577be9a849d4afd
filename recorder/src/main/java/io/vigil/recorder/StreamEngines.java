package io.vigil.recorder;

import io.vigil.camera.Camera;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service's engines, one per {@link Camera.Engine}: FFmpeg always, the native one when a bean provides it. */
@Singleton
public class StreamEngines {

    private final Map<Camera.Engine, StreamEngine> byKind = new EnumMap<>(Camera.Engine.class);

    public StreamEngines(List<StreamEngine> engines) {
        for (StreamEngine engine : engines) {
            if (byKind.put(engine.kind(), engine) != null) {
                throw new IllegalStateException("two " + engine.kind() + " engines: " + engines);
            }
        }
        if (!byKind.containsKey(Camera.Engine.FFMPEG)) {
            throw new IllegalStateException("no FFMPEG engine: the fallback engine is always there");
        }
    }

    public boolean has(Camera.Engine kind) {
        return byKind.containsKey(kind);
    }

    /** @throws IllegalStateException if there is no such engine (ask {@link #has} or {@link EngineChoice} first) */
    public StreamEngine get(Camera.Engine kind) {
        return Optional.ofNullable(byKind.get(kind))
                .orElseThrow(() -> new IllegalStateException("no " + kind + " engine"));
    }
}
