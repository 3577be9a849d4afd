package io.vigil.kernel.database;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at start-up about an H2 URL without {@code DB_CLOSE_ON_EXIT=FALSE}: H2 would then close the database from
 * its own JVM shutdown hook, before Vigil's clean stop has moved the spool's last segments into the index.
 */
@Singleton
public class H2UrlCheck {

    private static final Logger LOG = LoggerFactory.getLogger(H2UrlCheck.class);

    private final String url;

    public H2UrlCheck(@Nullable @Value("${datasources.default.url:}") String url) {
        this.url = url;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        warning(url).ifPresent(LOG::warn);
    }

    /** The warning for a database URL, if it needs one. */
    static Optional<String> warning(String url) {
        if (url == null
                || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")
                || url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            return Optional.empty();
        }
        if (url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";DB_CLOSE_ON_EXIT=FALSE")) {
            return Optional.empty();
        }
        return Optional.of("datasources.default.url is an H2 file without ;DB_CLOSE_ON_EXIT=FALSE: H2 then closes the "
                + "database at JVM exit before a clean stop has indexed the spool's last segments (they are indexed "
                + "at the next start instead). Append ;DB_CLOSE_ON_EXIT=FALSE to the URL.");
    }
}
