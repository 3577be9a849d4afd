package io.vigil.kernel.database;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Points Flyway at the common migrations plus the ones of the database it migrates ({@link DatabaseKind}), so a
 * site's {@code datasources.default.url} alone picks H2 or PostgreSQL. A migration that has shipped is never
 * edited (Flyway checks its checksum); where the two databases need different text, each gets its own file.
 */
@Singleton
@Named("default")
public class MigrationLocations implements FlywayConfigurationCustomizer {

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        DatabaseKind kind = DatabaseKind.of(configuration.getDataSource());
        configuration.locations(kind.migrationLocations().toArray(String[]::new));
    }

    @Override
    public String getName() {
        return "default";
    }
}
