package io.vigil.access.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of audit events; pass {@code next} as {@code after} for the following page (null on the last: when no
 * event follows this page, a full one included). Both
 * are always in the JSON, an empty page included: {@code {"events": [], "next": null}}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditPage(List<AuditEvent> events, @Nullable Long next) {}
