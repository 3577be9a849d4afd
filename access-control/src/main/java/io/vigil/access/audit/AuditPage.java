package io.vigil.access.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of audit events; pass {@code next} as {@code after} for the following page (null on the last). */
@Serdeable
public record AuditPage(List<AuditEvent> events, @Nullable Long next) {
}
