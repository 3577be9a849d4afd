package io.vigil.access.rule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.vigil.access.Denial;
import io.vigil.error.ErrorBody;
import io.vigil.error.ErrorCode;
import java.util.Optional;

/**
 * Refuses state-changing requests a browser sent from another site ({@link CrossSiteRequests}) with 403
 * {@code CROSS_SITE_REQUEST}, before any credentials are checked; inside the audit recorder, which records them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CrossSiteGuard implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() + 1; // after AuditRecorder (SECURITY.before()), before sign-in
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        Optional<String> refusal = CrossSiteRequests.refusal(
                request.getMethodName(),
                headers.get("Sec-Fetch-Site"),
                headers.get(HttpHeaders.ORIGIN),
                headers.get(HttpHeaders.HOST));
        if (refusal.isEmpty()) {
            return null;
        }
        Denial.of(ErrorCode.CROSS_SITE_REQUEST, refusal.get()).attachTo(request);
        return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .body(ErrorBody.of(ErrorCode.CROSS_SITE_REQUEST, refusal.get()));
    }
}
