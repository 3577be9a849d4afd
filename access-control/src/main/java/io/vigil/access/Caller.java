package io.vigil.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.vigil.access.share.ShareGrant;
import io.vigil.access.user.User;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making a request, as the access rule found it: a signed-in user (with the role and cameras read from
 * the users table for this request), or a share link. Kept as a request attribute for the controllers and the
 * audit log.
 *
 * @param name    the username, or {@code share:<id>}
 * @param role    null for a share link
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
