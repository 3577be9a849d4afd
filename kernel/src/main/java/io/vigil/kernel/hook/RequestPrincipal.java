package io.vigil.kernel.hook;

import io.micronaut.http.HttpRequest;

/**
 * Who makes a request, as a name a feature records (an event's creator): a user name, {@code token:<name>} for an
 * API token. Access control provides the real one; {@link NoPrincipal} stands in without it.
 */
public interface RequestPrincipal {

    /** The name of the caller of {@code request}. */
    String name(HttpRequest<?> request);
}
