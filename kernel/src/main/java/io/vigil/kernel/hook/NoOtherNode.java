package io.vigil.kernel.hook;

import jakarta.inject.Singleton;
import java.util.Optional;

/** A single node: no other node records anything. */
@Singleton
public class NoOtherNode implements RecordingNode {

    @Override
    public Optional<String> elsewhere(String cameraId) {
        return Optional.empty();
    }
}
