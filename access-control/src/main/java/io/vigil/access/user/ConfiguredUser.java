package io.vigil.access.user;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A user declared in configuration, re-applied at every start:
 * <pre>
 * vigil.security.users:
 *   alice:
 *     role: auditor
 *     password-hash: "$2b$12$..."    # or password: ${ALICE_PASSWORD}
 *     cameras: [lobby, gate]         # optional allow-list
 * </pre>
 */
@EachProperty("vigil.security.users")
public record ConfiguredUser(
        @Parameter String name,
        @Nullable String password,
        @Nullable String passwordHash,
        @Nullable String role,
        @Nullable List<String> cameras) {

    @Override
    public String toString() {
        return "ConfiguredUser[name=" + name + ", role=" + role + ", cameras=" + cameras + "]";
    }
}
