package io.vigil.access;

import io.micronaut.http.HttpRequest;

/** The address a request came from, as the audit log and the sign-in throttle record it. */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * The peer's IP address; with {@code trustForwardedFor} (Vigil behind one reverse proxy) the last
     * {@code X-Forwarded-For} entry instead, the one that proxy appended (the earlier ones are the client's to write).
     */
    public static String of(HttpRequest<?> request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].trim();
                return last.length() > 64 ? last.substring(0, 64) : last;
            }
        }
        var address = request.getRemoteAddress();
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
