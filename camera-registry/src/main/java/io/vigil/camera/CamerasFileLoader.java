package io.vigil.camera;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vigil.kernel.Sha256;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the cameras file to the registry at start-up, and again whenever its content changes (read every
 * {@code vigil.cameras.file-check-interval}, 2 s): only cameras whose definition changed are updated (and only their
 * recorders restart), each change audited. A file that cannot be read or parsed leaves the registry untouched
 * (nothing gets disabled by a typo); an entry with errors is skipped and the rest applied. What the last reading
 * found is {@link #state()}, shown in {@code /health}.
 */
@Singleton
public class CamerasFileLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CamerasFileLoader.class);

    private final CameraRegistry registry;
    private final Path file;
    private final Clock clock;
    /** Stands for a file that exists but cannot be read, in place of its content's hash. */
    private static final String UNREADABLE = "unreadable";

    /** The content last applied (or found unusable) by hash, {@link #UNREADABLE}, or null: no file. */
    private String readHash;
    /** Why the file could not be read at the last reading, or null. */
    private String readError;

    private volatile CamerasFileState state;

    public CamerasFileLoader(
            CameraRegistry registry, @Value("${vigil.cameras.file:config/cameras.yml}") Path file, Clock clock) {
        this.registry = registry;
        this.file = file;
        this.clock = clock;
        this.state = CamerasFileState.notRead(file.toString());
    }

    @EventListener
    @Order(-100)
    public void onStartup(StartupEvent event) {
        load();
    }

    /** Applies the file if its content changed since it was last read. */
    @Scheduled(
            fixedDelay = "${vigil.cameras.file-check-interval:2s}",
            initialDelay = "${vigil.cameras.file-check-interval:2s}")
    public synchronized void reloadIfChanged() {
        String text = read();
        String hash = text == null ? (Files.exists(file) ? UNREADABLE : null) : Sha256.hex(text.getBytes(UTF_8));
        if (Objects.equals(hash, readHash)) {
            return; // the same content, still no file, or still unreadable: said once already
        }
        LOG.info("Cameras file {} changed: applying it", file.toAbsolutePath());
        apply(text);
    }

    /** Applies the file to the registry; returns false if the file was unusable or had errors. */
    public synchronized boolean load() {
        return apply(read());
    }

    /** What the last reading of the file found. */
    public CamerasFileState state() {
        return state;
    }

    /** The file's text; null when there is none or it cannot be read (the state says which). */
    private String read() {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            readError = null;
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            readError = e.toString();
            return null;
        }
    }

    private boolean apply(String text) {
        if (text == null) {
            if (readError == null) {
                LOG.info("No cameras file at {}: cameras come from the API only", file.toAbsolutePath());
                readHash = null;
                state = CamerasFileState.notRead(file.toString());
                return true;
            }
            LOG.error("Cannot read cameras file {}: {}; registry left unchanged", file.toAbsolutePath(), readError);
            readHash = UNREADABLE;
            state = CamerasFileState.unusable(file.toString(), clock.instant(), "cannot be read: " + readError);
            return false;
        }
        readHash = Sha256.hex(text.getBytes(UTF_8));
        CamerasFile.Parsed parsed;
        try {
            parsed = CamerasFile.parse(text, System::getenv);
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "Cameras file {} is unusable ({}); registry left unchanged", file.toAbsolutePath(), e.getMessage());
            state = CamerasFileState.unusable(file.toString(), clock.instant(), e.getMessage());
            return false;
        }
        parsed.errors().forEach(err -> LOG.error("Cameras file {}: {}; that entry is skipped", file, err));
        boolean complete = parsed.errors().isEmpty();
        if (!complete) {
            LOG.error("Cameras file {} has errors: cameras missing from it are not disabled this time", file);
        }
        List<String> errors = new ArrayList<>(parsed.errors());
        errors.addAll(registry.applyCamerasFile(parsed.cameras(), complete));
        state = CamerasFileState.applied(
                file.toString(), clock.instant(), parsed.cameras().size(), errors);
        LOG.info(
                "Cameras file {}: {} camera(s)",
                file.toAbsolutePath(),
                parsed.cameras().size());
        return complete && errors.isEmpty();
    }
}
