package io.vigil.camera;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the cameras file at start-up and applies it to the registry. A file that cannot be
 * read or parsed leaves the registry untouched (nothing gets disabled by a typo).
 */
@Singleton
public class CamerasFileLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CamerasFileLoader.class);

    private final CameraRegistry registry;
    private final Path file;

    public CamerasFileLoader(CameraRegistry registry, @Value("${vigil.cameras.file:config/cameras.yml}") Path file) {
        this.registry = registry;
        this.file = file;
    }

    @EventListener
    @Order(-100)
    public void onStartup(StartupEvent event) {
        load();
    }

    /** Applies the file to the registry; returns false if the file was unusable or had errors. */
    public boolean load() {
        if (!Files.exists(file)) {
            LOG.info("No cameras file at {}: cameras come from the API only", file.toAbsolutePath());
            return true;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Cannot read cameras file {}: {}; registry left unchanged", file.toAbsolutePath(), e.toString());
            return false;
        }
        CamerasFile.Parsed parsed;
        try {
            parsed = CamerasFile.parse(text, System::getenv);
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "Cameras file {} is unusable ({}); registry left unchanged", file.toAbsolutePath(), e.getMessage());
            return false;
        }
        parsed.errors().forEach(err -> LOG.error("Cameras file {}: {}; that entry is skipped", file, err));
        boolean complete = parsed.errors().isEmpty();
        if (!complete) {
            LOG.error("Cameras file {} has errors: cameras missing from it are not disabled this time", file);
        }
        registry.applyCamerasFile(parsed.cameras(), complete);
        LOG.info(
                "Cameras file {}: {} camera(s)",
                file.toAbsolutePath(),
                parsed.cameras().size());
        return complete;
    }
}
