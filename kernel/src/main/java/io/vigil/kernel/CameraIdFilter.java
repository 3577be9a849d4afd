package io.vigil.kernel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.vigil.error.ErrorBody;
import io.vigil.error.VigilException;
import java.util.Optional;

/**
 * Checks every camera id a request names against {@link CameraId}'s grammar before a controller reads it (the
 * audit log records the refusal, and who sent it, without the malformed id as a camera): the {@code {id}} of every {@code /api/cameras/{id}} route and
 * a {@code cameraId} query parameter on any route. A malformed id (dots, encoded slashes, NUL, upper case, too long)
 * is answered 400 {@code VALIDATION_FAILED} naming the field, so it never reaches a key, a path or a database column.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CameraIdFilter implements Ordered {

    /** Routes whose {@code {id}} is a camera id. */
    public static final String CAMERA_ROUTES = "/api/cameras/{id}";

    static final String QUERY_PARAMETER = "cameraId";

    @Override
    public int getOrder() {
        // after the audit recorder (SECURITY.before()) and the security filter, so a refused id leaves its audit row
        // naming who sent it, like any refused request; before every controller. (The access rule may see a malformed
        // id: it only compares it, and the spool and store resolve nothing outside their directories whatever it is.)
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        return refusal(request)
                .map(e -> HttpResponse.status(HttpStatus.BAD_REQUEST)
                        .body(new ErrorBody(e.code().name(), e.getMessage(), e.fieldErrors())))
                .orElse(null);
    }

    private static Optional<VigilException> refusal(HttpRequest<?> request) {
        try {
            Optional<UriRouteMatch<?, ?>> match = RouteAttributes.getRouteMatch(request)
                    .filter(UriRouteMatch.class::isInstance)
                    .map(m -> (UriRouteMatch<?, ?>) m);
            if (match.isPresent()
                    && match.get()
                            .getRouteInfo()
                            .getUriMatchTemplate()
                            .toPathString()
                            .startsWith(CAMERA_ROUTES)) {
                Object id = match.get().getVariableValues().get("id");
                CameraId.require("id", id == null ? null : id.toString());
            }
            for (String value : request.getParameters().getAll(QUERY_PARAMETER)) {
                CameraId.require(QUERY_PARAMETER, value);
            }
            return Optional.empty();
        } catch (VigilException e) {
            return Optional.of(e);
        }
    }
}
