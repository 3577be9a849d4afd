package io.vigil.access.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.access.Caller;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/audit}: the audit log, filtered and paged (JSON), oldest first or ({@code order=newest}) newest
 * first, or every matching event as CSV in that order ({@code format=csv}, streamed). An auditor with a camera allow-list sees only those cameras' events.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    static final int DEFAULT_LIMIT = 100;
    private static final int CSV_PAGE = 1000;
    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final AuditLog log;
    private final ExecutorService blocking;

    public AuditController(AuditLog log, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.log = log;
        this.blocking = blocking;
    }

    @Get
    public HttpResponse<?> find(
            HttpRequest<?> request,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String user,
            @Nullable @QueryValue String cameraId,
            @Nullable @QueryValue String action,
            @Nullable @QueryValue String after,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String order,
            @Nullable @QueryValue String format) {
        Instant start = TimeRange.optionalInstant("from", from);
        Instant end = TimeRange.optionalInstant("to", to);
        if (start != null && end != null) {
            new TimeRange(start, end); // end after start
        }
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw VigilException.invalid(Map.of("format", "must be json or csv"));
        }
        AuditQuery query = new AuditQuery(
                start,
                end,
                blank(user),
                blank(cameraId),
                action(action),
                Caller.of(request).map(Caller::cameras).orElse(null),
                number("after", after, 0, Long.MAX_VALUE),
                (int) number("limit", limit, DEFAULT_LIMIT, AuditQuery.MAX_LIMIT),
                newestFirst(order));
        if (csv) {
            return HttpResponse.ok(csv(query.after(query.afterId())))
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vigil-audit.csv\"");
        }
        List<AuditEvent> events = log.find(query);
        Long last =
                events.size() == query.limit() ? events.get(events.size() - 1).id() : null;
        // a full page has a next one only if one more event follows it: no "More" that brings nothing
        Long next = last != null && !log.find(query.after(last).limited(1)).isEmpty() ? last : null;
        return HttpResponse.ok(new AuditPage(events, next));
    }

    /** Every matching event from {@code after} on, read a page at a time as the client takes them. */
    private Flux<String> csv(AuditQuery query) {
        AuditQuery paged = query.limited(CSV_PAGE);
        return Flux.concat(
                Flux.just(AuditCsv.HEADER),
                Flux.<List<AuditEvent>, Long>generate(() -> paged.afterId(), (afterId, sink) -> {
                            if (afterId < 0) {
                                sink.complete();
                                return afterId;
                            }
                            List<AuditEvent> events = log.find(paged.after(afterId));
                            if (events.isEmpty()) {
                                sink.complete();
                                return -1L;
                            }
                            sink.next(events);
                            return events.size() < CSV_PAGE
                                    ? -1L
                                    : events.get(events.size() - 1).id();
                        })
                        .map(AuditCsv::rows)
                        .subscribeOn(Schedulers.fromExecutorService(blocking)));
    }

    private static boolean newestFirst(String order) {
        if (order == null || order.isBlank() || order.trim().equalsIgnoreCase("oldest")) {
            return false;
        }
        if (order.trim().equalsIgnoreCase("newest")) {
            return true;
        }
        throw VigilException.invalid(Map.of("order", "must be oldest or newest"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static AuditAction action(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw VigilException.invalid(Map.of("action", "must be one of " + Arrays.toString(AuditAction.values())));
        }
    }

    private static long number(String name, String text, long fallback, long max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0 || value > max || (name.equals("limit") && value == 0)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw VigilException.invalid(
                    Map.of(name, "must be a whole number " + (name.equals("limit") ? "1.." : "0..") + max));
        }
    }
}
