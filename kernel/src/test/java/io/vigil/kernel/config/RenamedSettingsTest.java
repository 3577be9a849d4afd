package io.vigil.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shell on a real Micronaut context: old names from the builder's properties, the system properties and an
 * environment-variable source reach their new names before the context starts, with one warning each. (A real
 * environment variable on the real service: {@code RenamedSettingsEndToEndTest} in {@code app}.)
 */
class RenamedSettingsTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RenamedSettings.class);

    @BeforeEach
    void captureWarnings() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        System.clearProperty("spool.max-bytes");
    }

    @Test
    @SuppressWarnings("removal") // the only way to build an environment-variable source in a test
    void oldNamesFromEverySourceReachTheirNewNamesWithOneWarningEach() {
        System.setProperty("spool.max-bytes", "123456789");
        PropertySource variables = PropertySource.of(
                "variables",
                Map.of("RECORDER_STALL_TIMEOUT", "25s"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        try (ApplicationContext context = RenamedSettings.apply(ApplicationContext.builder()
                        .properties(Map.of("playback.gap-tolerance", "3s", "vigil.cluster.max-cameras", 4))
                        .propertySources(variables))
                .start()) {
            assertEquals(
                    Optional.of(Duration.ofSeconds(3)),
                    context.getProperty("vigil.playback.gap-tolerance", Duration.class));
            assertEquals(
                    Optional.of(Duration.ofSeconds(25)),
                    context.getProperty("vigil.recorder.stall-timeout", Duration.class));
            assertEquals(Optional.of(123_456_789L), context.getProperty("vigil.spool.max-bytes", Long.class));
            assertEquals(Optional.of(4), context.getProperty("vigil.cluster.max-cameras", Integer.class));
        }
        assertEquals(
                List.of(
                        "Setting RECORDER_STALL_TIMEOUT has a new name, VIGIL_RECORDER_STALL_TIMEOUT: its value is used; rename it",
                        "Setting playback.gap-tolerance has a new name, vigil.playback.gap-tolerance: its value is used; rename it",
                        "Setting spool.max-bytes has a new name, vigil.spool.max-bytes: its value is used; rename it"),
                warnings());
    }

    @Test
    void theNewNameWinsOverTheOldWhereverEachIsSet() {
        System.setProperty("spool.max-bytes", "123456789");
        try (ApplicationContext context = RenamedSettings.apply(
                        ApplicationContext.builder().properties(Map.of("vigil.spool.max-bytes", 987_654_321L)))
                .start()) {
            assertEquals(Optional.of(987_654_321L), context.getProperty("vigil.spool.max-bytes", Long.class));
        }
        assertEquals(
                List.of("Setting spool.max-bytes is ignored: its new name vigil.spool.max-bytes is set too, and wins; "
                        + "remove spool.max-bytes"),
                warnings());
    }

    @Test
    void aSiteWithNewNamesOnlyGetsNoWarning() {
        try (ApplicationContext context = RenamedSettings.apply(
                        ApplicationContext.builder().properties(Map.of("vigil.recorder.stall-timeout", "7s")))
                .start()) {
            assertEquals(
                    Optional.of(Duration.ofSeconds(7)),
                    context.getProperty("vigil.recorder.stall-timeout", Duration.class));
        }
        assertEquals(List.of(), warnings());
    }

    private List<String> warnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
