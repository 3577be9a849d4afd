package io.vigil.camera.network;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * {@code vigil.cameras.networks}: the networks cameras may be in.
 *
 * @param allow CIDRs a camera's address must be in; absent or empty: any address that is not denied
 * @param deny  CIDRs no camera may be in; absent: {@link CameraNetworks#DEFAULT_DENY} (a site that sets it replaces
 *              the defaults, e.g. to record a camera on a link-local address)
 */
@ConfigurationProperties("vigil.cameras.networks")
public record CameraNetworksConfig(
        @Nullable List<String> allow, @Nullable List<String> deny) {

    public List<String> allowOrAny() {
        return allow == null ? List.of() : allow;
    }

    public List<String> denyOrDefault() {
        return deny == null ? CameraNetworks.DEFAULT_DENY : deny;
    }
}
