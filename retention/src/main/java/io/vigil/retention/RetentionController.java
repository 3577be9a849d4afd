package io.vigil.retention;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.error.VigilException;
import io.vigil.retention.run.RetentionRuns;
import io.vigil.retention.run.RunSummary;
import java.util.List;
import java.util.Map;

/** {@code /api/retention}: a dry run, the record of runs, and a run on demand. */
@Controller("/api/retention")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetentionController {

    private static final int MAX_RUNS_LISTED = 500;

    private final RetentionService retention;
    private final RetentionRuns runs;

    public RetentionController(RetentionService retention, RetentionRuns runs) {
        this.retention = retention;
        this.runs = runs;
    }

    @Get("/preview")
    public RetentionPreview preview() {
        return retention.preview();
    }

    /** The newest runs first ({@code limit}, default 50). */
    @Get("/runs")
    public List<RunSummary> runs(@Nullable @QueryValue Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_RUNS_LISTED) {
            throw VigilException.invalid(Map.of("limit", "must be 1.." + MAX_RUNS_LISTED));
        }
        return runs.newest(n);
    }

    /** Runs retention now (waiting for a run in progress) and answers with its record. */
    @Post("/runs")
    public HttpResponse<RunSummary> runNow(HttpRequest<?> http) {
        RunSummary run = retention.runNow("API");
        run.auditNote().publishOn(http);
        return HttpResponse.created(run);
    }
}
