package io.vigil.kernel.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.kernel.OwnerOnlyDirectory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 database out of other local users' reach (it holds password hashes and the audit log): its
 * directory is made owner-only (0700) before the pool opens the database, so every file H2 ever creates in it
 * (with the process's umask) is unreachable to others; once the service has started, the database file itself is
 * narrowed to 0600 too. A server URL ({@code tcp:}, PostgreSQL) or an in-memory one is left alone.
 */
@Singleton
public class H2Files implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);
    /** Files H2 keeps beside the database's base name. */
    private static final List<String> SUFFIXES = List.of(".mv.db", ".trace.db", ".lock.db");

    private final List<Path> databases = new CopyOnWriteArrayList<>();

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        baseName(event.getBean().getUrl()).ifPresent(base -> {
            databases.add(base);
            try {
                OwnerOnlyDirectory.prepare(base.getParent());
                restrict(base);
            } catch (IOException e) {
                LOG.warn("Cannot make the database directory {} owner-only: {}", base.getParent(), e.toString());
            }
        });
        return event.getBean();
    }

    /** The database file exists by now (created with the umask): narrow it. */
    @EventListener
    public void onStartup(StartupEvent event) {
        for (Path base : databases) {
            try {
                restrict(base);
            } catch (IOException e) {
                LOG.warn("Cannot make the database files {}.* owner-only: {}", base, e.toString());
            }
        }
    }

    private static void restrict(Path base) throws IOException {
        for (String suffix : SUFFIXES) {
            OwnerOnlyDirectory.restrictFile(base.resolveSibling(base.getFileName() + suffix));
        }
    }

    /**
     * The absolute base name of an embedded H2 file database ({@code jdbc:h2:file:./data/vigil;...} or
     * {@code jdbc:h2:./data/vigil}: {@code /.../data/vigil}, whose file is {@code vigil.mv.db}); empty for any
     * other URL (in-memory, an H2 server over TCP or SSL, another database).
     */
    static Optional<Path> baseName(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        rest = options < 0 ? rest : rest.substring(0, options);
        if (rest.toLowerCase(Locale.ROOT).startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("(?i)[a-z0-9]+:.*") && !rest.matches("(?i)[a-z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, ... (a Windows drive letter is a path)
        }
        if (rest.isBlank()) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        Path base = Path.of(rest).toAbsolutePath().normalize();
        return base.getParent() == null ? Optional.empty() : Optional.of(base);
    }
}
