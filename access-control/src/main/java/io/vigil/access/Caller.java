package io.vigil.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.vigil.access.share.ShareGrant;
import io.vigil.access.token.ApiToken;
import io.vigil.access.user.User;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making a request, as the access rule found it: a signed-in user (with the role and cameras read from
 * the users table for this request), a share link, or an API token. Kept as a request attribute for the controllers and the
 * audit log.
 *
 * @param name    the username, {@code share:<id>} or {@code token:<name>}
 * @param role    null for a share link or an API token
 * @param cameras the allow-list, or null for every camera
 * @param share   the grant when the request came through a share link
 */
public record Caller(
        String name,
        @Nullable Role role,
        @Nullable Set<String> cameras,
        @Nullable ShareGrant share) {

    private static final String ATTRIBUTE = "vigil.caller";

    public static Caller of(User user) {
        return new Caller(user.username(), user.role(), user.cameras(), null);
    }

    public static Caller of(ShareGrant share) {
        return new Caller("share:" + share.id(), null, Set.of(share.cameraId()), share);
    }

    /** An API token: {@code token:<name>}, no role, its cameras. */
    public static Caller of(ApiToken token) {
        return new Caller(token.principal(), null, Set.copyOf(token.cameraIds()), null);
    }

    public boolean sees(String cameraId) {
        return cameras == null || cameras.contains(cameraId);
    }

    public String roleId() {
        return role == null ? null : role.id();
    }

    public void attachTo(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<Caller> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class);
    }
}
