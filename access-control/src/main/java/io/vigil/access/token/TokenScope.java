package io.vigil.access.token;

import io.vigil.access.Permission;
import java.util.Arrays;
import java.util.Optional;

/** What an API token may do: each scope is one permission, for the token's cameras only. */
public enum TokenScope {
    /** Post (and delete) events for the token's cameras. */
    EVENTS_WRITE("events:write", Permission.EVENTS_WRITE);

    private final String id;
    private final Permission permission;

    TokenScope(String id, Permission permission) {
        this.id = id;
        this.permission = permission;
    }

    /** The name the API uses: {@code events:write}. */
    public String id() {
        return id;
    }

    public Permission permission() {
        return permission;
    }

    public static Optional<TokenScope> parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(TokenScope::id).toList());
    }
}
