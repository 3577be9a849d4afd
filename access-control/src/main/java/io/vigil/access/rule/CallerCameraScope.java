package io.vigil.access.rule;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.vigil.access.Caller;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.hook.CameraScope;
import io.vigil.kernel.hook.EveryCamera;
import jakarta.inject.Singleton;

/** The cameras of the request's {@link Caller}: a user's allow-list, or a share link's one camera. */
@Singleton
@Replaces(EveryCamera.class)
public class CallerCameraScope implements CameraScope {

    @Override
    public boolean allows(HttpRequest<?> request, String cameraId) {
        return Caller.of(request).map(c -> c.sees(cameraId)).orElse(false);
    }

    @Override
    public void require(HttpRequest<?> request, String cameraId) {
        if (!allows(request, cameraId)) {
            throw new VigilException(ErrorCode.FORBIDDEN, "you may not see camera " + cameraId);
        }
    }
}
