package io.vigil.access;

import io.micronaut.http.HttpRequest;

/** The address a request came from, as the audit log and the sign-in throttle record it. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The peer's IP address; with {@code trustForwardedFor} (Vigil behind a reverse proxy) the first
     * {@code X-Forwarded-For} hop instead, when there is one.
     */
    public static String of(HttpRequest<?> request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",")[0].trim();
                return first.length() > 64 ? first.substring(0, 64) : first;
            }
        }
        var address = request.getRemoteAddress();
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
