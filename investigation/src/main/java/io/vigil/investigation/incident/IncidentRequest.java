package io.vigil.investigation.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of {@code POST /api/incidents}, as sent: {@link IncidentRules} checks it. */
@Serdeable
public record IncidentRequest(
        @Nullable String title,
        @Nullable List<String> cameraIds,
        @Nullable String start,
        @Nullable String end,
        @Nullable String reason) {}
