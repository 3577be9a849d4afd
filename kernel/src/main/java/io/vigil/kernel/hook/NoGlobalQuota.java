package io.vigil.kernel.hook;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.OptionalLong;

/** Without retention nothing keeps a global quota: there is none. */
@Singleton
@Secondary
public class NoGlobalQuota implements GlobalQuota {

    @Override
    public OptionalLong maxBytes() {
        return OptionalLong.empty();
    }
}
