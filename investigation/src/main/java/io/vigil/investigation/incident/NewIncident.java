package io.vigil.investigation.incident;

import io.vigil.kernel.TimeRange;
import java.util.List;
import java.util.Objects;

/** An incident as {@link IncidentRules} accepted it, before the cameras' existence and the caller's scope are asked. */
public record NewIncident(String title, List<String> cameraIds, TimeRange range, String reason) {

    public NewIncident {
        Objects.requireNonNull(title, "title");
        cameraIds = List.copyOf(cameraIds);
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(reason, "reason");
    }
}
