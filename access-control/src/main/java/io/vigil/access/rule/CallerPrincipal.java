package io.vigil.access.rule;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.vigil.access.Caller;
import io.vigil.kernel.hook.NoPrincipal;
import io.vigil.kernel.hook.RequestPrincipal;
import jakarta.inject.Singleton;

/** The name of the request's {@link Caller}: a user name, {@code share:<id>} or {@code token:<name>}. */
@Singleton
@Replaces(NoPrincipal.class)
public class CallerPrincipal implements RequestPrincipal {

    @Override
    public String name(HttpRequest<?> request) {
        return Caller.of(request).map(Caller::name).orElse(NoPrincipal.ANONYMOUS);
    }
}
