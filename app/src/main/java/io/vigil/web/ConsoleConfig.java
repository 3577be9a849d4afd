package io.vigil.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The web console's site settings ({@code vigil.console.*}).
 *
 * @param timeZone the site's time zone (an IANA name such as {@code America/New_York}, or {@code UTC}): the console
 *                 shows times in it, with UTC on a toggle
 */
@ConfigurationProperties("vigil.console")
public record ConsoleConfig(@Bindable(defaultValue = "UTC") String timeZone) {

    public ConsoleConfig {
        try {
            timeZone = ZoneId.of(timeZone).getId();
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "vigil.console.time-zone must be an IANA time zone such as Europe/Paris or UTC: " + timeZone);
        }
    }
}
