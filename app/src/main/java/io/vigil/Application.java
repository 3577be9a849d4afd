package io.vigil;

import io.micronaut.runtime.Micronaut;
import io.vigil.kernel.config.RenamedSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts Vigil: HTTP API on port 8080, one recorder per enabled camera; site overrides from config/application.yml,
 * settings under their older names ({@code storage.*}, {@code RECORDER_*}, ...) applied to their new {@code vigil.*}
 * names with a warning each ({@link RenamedSettings}).
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Path site = Path.of("config", "application.yml");
        if (Files.isRegularFile(site)
                && System.getProperty("micronaut.config.files") == null
                && System.getenv("MICRONAUT_CONFIG_FILES") == null) {
            System.setProperty("micronaut.config.files", site.toAbsolutePath().toString());
        }
        RenamedSettings.apply(Micronaut.build(args).mainClass(Application.class).defaultEnvironments("vigil"))
                .start();
    }
}
