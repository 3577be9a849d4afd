package io.vigil.investigation.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/incidents/{id}/close}: why it is closed, optional. */
@Serdeable
public record CloseRequest(@Nullable String note) {}
