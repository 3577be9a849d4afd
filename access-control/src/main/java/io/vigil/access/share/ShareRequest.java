package io.vigil.access.share;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/shares}. {@code expiresIn} is an ISO-8601 duration ({@code PT24H}, {@code P7D}) or a
 * number of seconds; without it a link works for 24 hours.
 */
@Serdeable
public record ShareRequest(
        @Nullable String cameraId,
        @Nullable String start,
        @Nullable String end,
        @Nullable String expiresIn) {}
