package io.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.email.EmailConfig;
import io.vigil.kernel.database.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Which targets are configured: the webhook URL alone runs alerts as before, the e-mail host alone runs them by
 * e-mail, both make two targets; neither turns nothing on.
 */
class AlertTargetsTest {

    static final EmailConfig NO_EMAIL = new EmailConfig(null, null, null, null, null, null, null, null);
    static final EmailConfig EMAIL = new EmailConfig(
            "smtp.example.com",
            null,
            EmailConfig.Security.STARTTLS,
            "alerts@example.com",
            "password-0123",
            "alerts@example.com",
            List.of("ops@example.com"),
            null);

    static List<String> targets(String webhookUrl, EmailConfig email) {
        AlertsConfig config = AlertsConfigTest.config(webhookUrl, Duration.ofSeconds(10));
        return AlertSchedule.channels(
                        new AlertTargets(config, email), config, ObjectMapper.getDefault(), Clock.systemUTC())
                .stream()
                .map(c -> c.target().toString())
                .toList();
    }

    @Test
    void eachConfiguredTargetHasItsChannelTheWebhookFirst() {
        assertEquals(
                List.of("webhook https://hooks.example.com:443"), targets("https://hooks.example.com/x", NO_EMAIL));
        assertEquals(List.of("email smtp://smtp.example.com:587 to 1 recipient(s)"), targets(null, EMAIL));
        assertEquals(
                List.of("webhook https://hooks.example.com:443", "email smtp://smtp.example.com:587 to 1 recipient(s)"),
                targets("https://hooks.example.com/x", EMAIL));
        assertEquals(List.of(), targets(null, NO_EMAIL));
    }

    @Test
    void theEmailSettingsBindFromEnvironmentVariablesAndTurnTheScheduleOn() {
        PropertySource variables = PropertySource.of(
                "variables",
                Map.of(
                        "VIGIL_ALERTS_EMAIL_HOST", "smtp.example.com",
                        "VIGIL_ALERTS_EMAIL_SECURITY", "TLS",
                        "VIGIL_ALERTS_EMAIL_USERNAME", "alerts@example.com",
                        "VIGIL_ALERTS_EMAIL_PASSWORD", "password-0123",
                        "VIGIL_ALERTS_EMAIL_FROM", "Vigil <alerts@example.com>",
                        "VIGIL_ALERTS_EMAIL_TO", "ops@example.com,oncall@example.org"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        // attached before the context starts: the scheduler may make the schedule, and log, as it starts
        Logger logger = (Logger) LoggerFactory.getLogger(AlertSchedule.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try (ApplicationContext context = ApplicationContext.builder()
                .singletons(TestDatabase.migrated(TestDatabase.fresh()))
                .propertySources(variables)
                .start()) {
            EmailConfig email = context.getBean(EmailConfig.class);
            assertEquals("smtp://smtp.example.com:465", email.origin());
            assertEquals("password-0123", email.password());
            assertEquals(List.of("ops@example.com", "oncall@example.org"), email.to());
            assertTrue(context.findBeanDefinition(AlertSchedule.class).isPresent());
            assertTrue(context.getBean(AlertSchedule.class) != null, "the schedule is made with e-mail alone");
            assertTrue(
                    context.findBeanDefinition(EventAlerts.class).isPresent(), "event rules alert by e-mail alone too");
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
        String said = log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList()
                .toString();
        assertTrue(said.contains("Alerts on") && said.contains("smtp://smtp.example.com:465"), said);
        assertFalse(said.contains("password-0123"), said);
        try (ApplicationContext context = ApplicationContext.builder()
                .singletons(TestDatabase.migrated(TestDatabase.fresh()))
                .start()) {
            assertFalse(context.getBean(EmailConfig.class).configured());
            assertEquals(List.of(), context.getBean(AlertTargets.class).all(), "no target: alerts off");
            assertTrue(context.getBean(AlertSchedule.class) != null, "the schedule waits for a target");
        }
    }
}
