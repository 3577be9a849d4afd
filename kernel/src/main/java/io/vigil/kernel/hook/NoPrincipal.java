package io.vigil.kernel.hook;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** The request principal of a service without access control: nobody is signed in. */
@Singleton
@Secondary
public class NoPrincipal implements RequestPrincipal {

    /** The name recorded for every caller. */
    public static final String ANONYMOUS = "anonymous";

    @Override
    public String name(HttpRequest<?> request) {
        return ANONYMOUS;
    }
}
