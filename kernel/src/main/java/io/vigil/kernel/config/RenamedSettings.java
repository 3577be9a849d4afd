package io.vigil.kernel.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link SettingRenames#VIGIL} to a context before it starts, so a site upgraded with its old settings
 * ({@code recorder.*} in a YAML file, {@code -Dstorage.endpoint=...}, {@code RETENTION_CRON}) runs as before and is
 * told, one warning per old name, what to write instead.
 *
 * <p>Settings bind when beans are made, so the renamed ones must be in the environment before the context starts.
 * The shell therefore reads the configuration the builder would give (every YAML file, the system properties, the
 * command line and the environment variables, through Micronaut's own environment, not started as a context) and
 * adds the renamed settings to the builder as a source above all others: in property spelling for names that came
 * from properties, in environment spelling for environment variables, so Micronaut reads them by the same
 * conventions as the old ones.
 */
public final class RenamedSettings {

    private static final Logger LOG = LoggerFactory.getLogger(RenamedSettings.class);
    private static final String SOURCE = "vigil-renamed-settings";

    private RenamedSettings() {}

    /** Adds the renamed settings to {@code builder} and logs the warnings; call it last, before starting the context. */
    public static <B extends ApplicationContextBuilder> B apply(B builder) {
        return apply(builder, SettingRenames.VIGIL);
    }

    static <B extends ApplicationContextBuilder> B apply(B builder, SettingRenames renames) {
        Renaming renaming = renames.plan(sourcesOf(builder));
        renaming.oldNames().forEach(old -> LOG.warn(old.warning()));
        if (!renaming.properties().isEmpty()) {
            builder.propertySources(
                    source(SOURCE, renaming.properties(), PropertySource.PropertyConvention.JAVA_PROPERTIES));
        }
        if (!renaming.environmentVariables().isEmpty()) {
            builder.propertySources(source(
                    SOURCE + "-env",
                    renaming.environmentVariables(),
                    PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
        }
        return builder;
    }

    /** Every source the builder's context would read, as they spell their settings. */
    private static List<SettingSource> sourcesOf(ApplicationContextBuilder builder) {
        ApplicationContext probe = builder.build();
        Environment environment = probe.getEnvironment().start();
        try {
            List<SettingSource> sources = new ArrayList<>();
            for (PropertySource source : environment.getPropertySources()) {
                if (source.getName().startsWith(SOURCE)) {
                    continue;
                }
                Map<String, Object> values = new HashMap<>();
                source.forEach(name -> values.put(name, source.get(name)));
                sources.add(new SettingSource(
                        source.getName(),
                        source.getOrder(),
                        source.getConvention() == PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE,
                        values));
            }
            return sources;
        } finally {
            environment.stop();
        }
    }

    private static PropertySource source(
            String name, Map<String, Object> values, PropertySource.PropertyConvention convention) {
        return new MapPropertySource(name, values) {
            @Override
            public int getOrder() {
                return Integer.MAX_VALUE;
            }

            @Override
            public PropertyConvention getConvention() {
                return convention;
            }
        };
    }
}
