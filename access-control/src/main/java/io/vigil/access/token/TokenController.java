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

    /** Tokens whose every camera the caller may see, newest first, revoked ones included. */
    @Get
    public List<ApiToken> list(HttpRequest<?> http) {
        return tokens.list().stream().filter(t -> sees(http, t)).toList();
    }

    @Delete("/{id}")
    public ApiToken revoke(HttpRequest<?> http, String id) {
        tokens.get(id).cameraIds().forEach(camera -> scope.require(http, camera));
        ApiToken revoked = tokens.revoke(id, caller(http));
        revoked.auditNote("revoked").publishOn(http);
        return revoked;
    }

    private boolean sees(HttpRequest<?> http, ApiToken token) {
        return token.cameraIds().stream().allMatch(camera -> scope.allows(http, camera));
    }

    private static String caller(HttpRequest<?> http) {
        return Caller.of(http).map(Caller::name).orElse("unknown");
    }
}
