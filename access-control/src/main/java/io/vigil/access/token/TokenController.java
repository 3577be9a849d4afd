package io.vigil.access.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.access.Caller;
import io.vigil.kernel.hook.CameraScope;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/tokens}: admins create API tokens for other systems (the secret shown once), list them (never the
 * secret) and revoke them.
 */
@Controller("/api/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private final ApiTokens tokens;
    private final CameraScope scope;

    public TokenController(ApiTokens tokens, CameraScope scope) {
        this.tokens = tokens;
        this.scope = scope;
    }

    @Post
    public HttpResponse<CreatedToken> create(HttpRequest<?> http, @Nullable @Body TokenRequest request) {
        TokenRules.Checked checked = TokenRules.check(request);
        checked.cameraIds().forEach(camera -> scope.require(http, camera)); // no token for cameras its admin cannot see
        CreatedToken created = tokens.create(checked, caller(http));
        created.token().auditNote("created").publishOn(http);
        return HttpResponse.created(
                created, URI.create("/api/tokens/" + created.token().id()));
    }

    @Get
    public List<ApiToken> list() {
        return tokens.list();
    }

    @Delete("/{id}")
    public ApiToken revoke(HttpRequest<?> http, String id) {
        ApiToken revoked = tokens.revoke(id, caller(http));
        revoked.auditNote("revoked").publishOn(http);
        return revoked;
    }

    private static String caller(HttpRequest<?> http) {
        return Caller.of(http).map(Caller::name).orElse("unknown");
    }
}
