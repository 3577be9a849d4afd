package io.vigil.kernel.hook;

import jakarta.inject.Singleton;

/** A single node records every enabled camera. */
@Singleton
public class EveryCameraHere implements RecordingAssignment {

    @Override
    public boolean recordsHere(String cameraId) {
        return true;
    }
}
