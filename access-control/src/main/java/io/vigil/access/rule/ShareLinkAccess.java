package io.vigil.access.rule;

import io.micronaut.http.HttpRequest;
import io.vigil.access.Caller;
import io.vigil.access.Permission;
import io.vigil.access.share.Share;
import io.vigil.access.share.ShareGrant;
import io.vigil.access.share.ShareLinks;
import io.vigil.access.user.User;
import io.vigil.access.user.Users;
import io.vigil.archive.index.Segment;
import io.vigil.kernel.TimeRange;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a share link opens: a usable link (not changed, expired or revoked) whose creator may still share its camera
 * opens that camera only, and of it, by the route's {@link RouteRule.ShareUse}, exactly the link's range, a segment
 * overlapping it, or the init segment. {@link AccessRule}'s part for requests that carry a link.
 */
final class ShareLinkAccess {

    private final Users users;
    private final ShareLinks shares;

    ShareLinkAccess(Users users, ShareLinks shares) {
        this.users = users;
        this.shares = shares;
    }

    /**
     * Why the share link {@code token} does not open this request, or empty if it does. A usable link is left on
     * the request as its {@link Caller}, so refusals from there on are the link's in the audit log.
     *
     * @param segment the segment the path names, looked up only for a {@link RouteRule.ShareUse#SEGMENT} route
     */
    Optional<String> refusal(
            HttpRequest<?> request,
            RouteRule rule,
            String cameraId,
            String token,
            Supplier<Optional<Segment>> segment) {
        Optional<Share> share = shares.usable(token);
        if (share.isEmpty()) {
            return Optional.of("the share link is not valid: changed, expired or revoked");
        }
        ShareGrant g = share.get().grant();
        Caller.of(g).attachTo(request);
        // a user deleted and created again with the same name is someone new: the old user's links stay dead
        Optional<User> creator = users.find(share.get().createdBy())
                .filter(u -> !u.created().isAfter(share.get().created()));
        if (creator.isEmpty()
                || !creator.get().role().may(Permission.SHARES)
                || !creator.get().sees(g.cameraId())) {
            return Optional.of("the share link's creator may no longer share this camera");
        }
        if (!g.cameraId().equals(cameraId)) {
            return Optional.of("the share link does not open camera " + cameraId);
        }
        boolean covered = switch (rule.share()) {
            case EXACT_RANGE ->
                sameInstant(request.getParameters().get("start"), g.start().toEpochMilli())
                        && sameInstant(
                                request.getParameters().get("end"), g.end().toEpochMilli());
            case SEGMENT ->
                segment.get()
                        .map(s -> g.overlaps(s.start(), s.start().plusMillis(s.durationMillis())))
                        .orElse(false);
            case INIT -> true;
            case NO -> false;
        };
        return covered ? Optional.empty() : Optional.of("the share link opens " + g.start() + "/" + g.end() + " only");
    }

    private static boolean sameInstant(String text, long millis) {
        return TimeRange.tryParse(text).map(i -> i.toEpochMilli() == millis).orElse(false);
    }
}
