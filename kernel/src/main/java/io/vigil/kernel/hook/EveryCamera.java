package io.vigil.kernel.hook;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** The camera scope of a service without access control: every caller sees every camera. */
@Singleton
@Secondary
public class EveryCamera implements CameraScope {

    @Override
    public boolean allows(HttpRequest<?> request, String cameraId) {
        return true;
    }

    @Override
    public void require(HttpRequest<?> request, String cameraId) {
        // every camera is allowed
    }
}
