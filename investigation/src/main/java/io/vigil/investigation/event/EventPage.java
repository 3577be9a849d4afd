package io.vigil.investigation.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of {@code GET /api/events}: newest first; {@code next}, only when there may be more, is the {@code after}
 * of the next page. A page may hold fewer than its limit where events of cameras the caller may not see were left out.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventPage(List<Event> events, @Nullable String next) {}
