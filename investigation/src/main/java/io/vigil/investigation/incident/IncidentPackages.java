package io.vigil.investigation.incident;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.ByteBufAllocator;
import io.vigil.kernel.hook.AuditTrail;
import io.vigil.kernel.hook.FootageExports;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prepares an incident's package: the incident as the caller may see it (its cameras in the caller's scope), its
 * events, and its audit trail (every row that mentions it) as they are now, then the package that writes itself as
 * the response reads it ({@link IncidentPackage}).
 */
@Singleton
public class IncidentPackages {

    private final Incidents incidents;
    private final AuditTrail audit;
    private final FootageExports exports;
    private final JsonMapper json;
    private final Clock clock;
    /** Where clips are hashed beside the threads writing packages ({@link ClipHash}): one thread per core. */
    private final ExecutorService hashing =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), work -> {
                Thread thread = new Thread(work, "package-sha256");
                thread.setDaemon(true);
                return thread;
            });

    public IncidentPackages(
            Incidents incidents, AuditTrail audit, FootageExports exports, JsonMapper json, Clock clock) {
        this.incidents = incidents;
        this.audit = audit;
        this.exports = exports;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The package of incident {@code id}, an open or a closed one; 404 for none, 403 unless the caller may see each of
     * its cameras. Its audit row (the download's) names the incident, its cameras and range.
     */
    public IncidentPackage open(HttpRequest<?> http, String id) {
        Incidents.Detail detail = incidents.get(http, id);
        Incident incident = detail.incident();
        incident.auditNote("package exported").publishOn(http);
        IncidentPackage.Contents contents = new IncidentPackage.Contents(
                incident,
                bytes(incident),
                bytes(detail.events()),
                PackageFiles.eventsCsv(detail.events()),
                audit.csv("incident " + incident.id()).getBytes(StandardCharsets.UTF_8));
        return new IncidentPackage(contents, exports, clock.instant(), ByteBufAllocator.DEFAULT, hashing);
    }

    @PreDestroy
    void stop() {
        hashing.shutdownNow();
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
