package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * What the last reading of the cameras file found.
 *
 * @param file      its path, as configured
 * @param readAt    when it was last read and applied (or found unusable); null when there is no file
 * @param cameras   the cameras it lists
 * @param errors    why entries were skipped, or why the whole file was left unapplied
 * @param applied   whether it was applied (false: unusable, registry left as it was)
 */
public record CamerasFileState(
        String file, @Nullable Instant readAt, int cameras, List<String> errors, boolean applied) {

    public CamerasFileState {
        errors = List.copyOf(errors);
    }

    static CamerasFileState notRead(String file) {
        return new CamerasFileState(file, null, 0, List.of(), false);
    }

    static CamerasFileState unusable(String file, Instant at, String why) {
        return new CamerasFileState(file, at, 0, List.of(why), false);
    }

    static CamerasFileState applied(String file, Instant at, int cameras, List<String> errors) {
        return new CamerasFileState(file, at, cameras, errors, true);
    }
}
