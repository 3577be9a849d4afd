package io.vigil.access.token;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of {@code POST /api/tokens}, as sent; {@link TokenRules} checks it. */
@Serdeable
public record TokenRequest(
        @Nullable String name,
        @Nullable List<String> cameraIds,
        @Nullable List<String> scopes) {

    @Creator
    public TokenRequest {}
}
