package io.vigil.kernel.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings one configuration source gives, as it spells them: a YAML file, the system properties, the
 * command line, or the environment variables.
 *
 * @param name                 what the source is, for messages
 * @param precedence           a source of higher precedence wins over one of lower
 * @param environmentVariables whether its names are environment variables ({@code RECORDER_STALL_TIMEOUT})
 *                             rather than property names ({@code recorder.stall-timeout})
 * @param values               its settings by name, without those set to nothing (values are never logged:
 *                             they may be secrets)
 */
public record SettingSource(String name, int precedence, boolean environmentVariables, Map<String, Object> values) {

    public SettingSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a setting source needs a name");
        }
        Map<String, Object> set = new LinkedHashMap<>(values);
        set.values().removeIf(Objects::isNull);
        values = Collections.unmodifiableMap(set);
    }
}
