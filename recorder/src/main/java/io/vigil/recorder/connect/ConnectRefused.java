package io.vigil.recorder.connect;

import io.vigil.camera.CameraStatus;

/** Vigil did not connect to a camera, and why: the state and message its status shows (no credentials). */
public final class ConnectRefused extends Exception {

    private final CameraStatus.State state;

    public ConnectRefused(CameraStatus.State state, String message) {
        super(message);
        this.state = state;
    }

    public CameraStatus.State state() {
        return state;
    }
}
