package io.vigil.access.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.access.Caller;
import java.net.URI;
import java.util.List;

/** {@code /api/users}: admins create, change and remove users. Passwords go in, never out. */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {

    private final Users users;

    public UserController(Users users) {
        this.users = users;
    }

    @Get
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @Get("/{username}")
    public UserView get(String username) {
        return UserView.of(users.get(username));
    }

    @Post
    public HttpResponse<UserView> create(HttpRequest<?> http, @Nullable @Body UserRequest request) {
        User user = users.create(request, "api");
        return HttpResponse.created(published(UserView.of(user), http), URI.create("/api/users/" + user.username()));
    }

    /** Changes what the body names and keeps the rest ({@link UserChange}). */
    @Put("/{username}")
    public UserView update(HttpRequest<?> http, String username, @Nullable @Body JsonNode body) {
        return published(UserView.of(users.update(username, UserChange.of(body), "api")), http);
    }

    @Delete("/{username}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(HttpRequest<?> request, String username) {
        users.delete(username, Caller.of(request).map(Caller::name).orElse("api"));
    }

    private static UserView published(UserView user, HttpRequest<?> http) {
        user.auditNote().publishOn(http);
        return user;
    }
}
