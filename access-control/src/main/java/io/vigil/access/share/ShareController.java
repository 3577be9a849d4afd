package io.vigil.access.share;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.access.Caller;
import io.vigil.kernel.hook.CameraScope;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/shares}: auditors hand out signed links to one camera's footage of one range, and revoke them; a new
 * link's URLs are absolute ({@link PublicUrl}), ready to send.
 */
@Controller("/api/shares")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareController {

    private final ShareLinks shares;
    private final CameraScope scope;
    private final PublicUrl publicUrl;

    public ShareController(ShareLinks shares, CameraScope scope, PublicUrl publicUrl) {
        this.shares = shares;
        this.scope = scope;
        this.publicUrl = publicUrl;
    }

    @Post
    public HttpResponse<Share> create(HttpRequest<?> http, @Nullable @Body ShareRequest request) {
        if (request != null && request.cameraId() != null) {
            scope.require(http, request.cameraId().trim());
        }
        Share created = shares.create(request, caller(http));
        Share share = created.withUrls(
                publicUrl.absolute(http, created.playlistUrl()), publicUrl.absolute(http, created.clipUrl()));
        share.auditNote().publishOn(http);
        return HttpResponse.created(share, URI.create("/api/shares/" + share.id()));
    }

    /** Share links of the cameras the caller may see, newest first; without their URLs. */
    @Get
    public List<Share> list(HttpRequest<?> http, @Nullable @QueryValue String cameraId) {
        return shares.list(cameraId).stream()
                .filter(s -> scope.allows(http, s.cameraId()))
                .toList();
    }

    @Delete("/{id}")
    public Share revoke(HttpRequest<?> http, String id) {
        scope.require(http, shares.get(id).cameraId());
        Share revoked = shares.revoke(id, caller(http));
        revoked.auditNote().publishOn(http);
        return revoked;
    }

    private static String caller(HttpRequest<?> http) {
        return Caller.of(http).map(Caller::name).orElse("unknown");
    }
}
