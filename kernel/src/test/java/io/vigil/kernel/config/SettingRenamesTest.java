package io.vigil.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingRenamesTest {

    private static final SettingRenames TABLE = SettingRenames.VIGIL;

    @Test
    void movesEveryOldPropertyPrefixUnderVigil() {
        Map<String, String> renamed = Map.of(
                "recorder.segment-target-millis", "vigil.recorder.segment-target-millis",
                "recorder.stallTimeout", "vigil.recorder.stallTimeout",
                "playback.max-playlist-range", "vigil.playback.max-playlist-range",
                "retention.cron", "vigil.retention.cron",
                "spool.directory", "vigil.spool.directory",
                "storage.endpoint", "vigil.storage.endpoint",
                "storage.embedded-credentials-file", "vigil.storage.embedded-credentials-file");
        renamed.forEach((old, now) -> assertEquals(Optional.of(now), TABLE.newName(old, false), old));
    }

    @Test
    void leavesEveryOtherPropertyAlone() {
        for (String name : List.of(
                "vigil.recorder.stall-timeout",
                "vigil.storage.endpoint",
                "vigil.cluster.enabled",
                "micronaut.server.port",
                "datasources.default.url",
                "flyway.datasources.default.enabled",
                "recorder",
                "recorder.",
                "recorders.x",
                "recorder-x.y",
                "storagex.endpoint",
                "retention-test.run-millis",
                "my.recorder.x",
                "RECORDER_STALL_TIMEOUT")) {
            assertEquals(Optional.empty(), TABLE.newName(name, false), name);
        }
    }

    @Test
    void movesEveryOldEnvironmentVariableUnderVigil() {
        Map<String, String> renamed = Map.of(
                "RECORDER_SEGMENT_TARGET_MILLIS", "VIGIL_RECORDER_SEGMENT_TARGET_MILLIS",
                "PLAYBACK_DELIVERY", "VIGIL_PLAYBACK_DELIVERY",
                "RETENTION_MAX_BYTES", "VIGIL_RETENTION_MAX_BYTES",
                "SPOOL_DIRECTORY", "VIGIL_SPOOL_DIRECTORY",
                "STORAGE_SECRET_KEY", "VIGIL_STORAGE_SECRET_KEY");
        renamed.forEach((old, now) -> assertEquals(Optional.of(now), TABLE.newName(old, true), old));
    }

    @Test
    void leavesEveryOtherEnvironmentVariableAlone() {
        for (String name : List.of(
                "VIGIL_STORAGE_ENDPOINT",
                "VIGIL_SECRET_KEY",
                "STORAGE",
                "STORAGE_",
                "STORAGEX_ENDPOINT",
                "PATH",
                "DATASOURCES_DEFAULT_URL",
                "MICRONAUT_CONFIG_FILES",
                "storage.endpoint")) {
            assertEquals(Optional.empty(), TABLE.newName(name, true), name);
        }
    }

    @Test
    void spellsPropertiesAndEnvironmentVariablesOneWay() {
        Map<String, String> canonical = Map.of(
                "vigil.recorder.stall-timeout", "VIGIL_RECORDER_STALL_TIMEOUT",
                "vigil.recorder.stallTimeout", "VIGIL_RECORDER_STALL_TIMEOUT",
                "VIGIL_RECORDER_STALL_TIMEOUT", "VIGIL_RECORDER_STALL_TIMEOUT",
                "vigil.recorder.segment-target-millis", "VIGIL_RECORDER_SEGMENT_TARGET_MILLIS",
                "storage.s3Endpoint", "STORAGE_S3_ENDPOINT");
        canonical.forEach((name, expected) -> assertEquals(expected, SettingRename.canonical(name), name));
    }

    @Test
    void refusesATableThatRenamesAPrefixTwiceOrIntoItself() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SettingRenames(List.of(
                        new SettingRename("spool", "vigil.spool"), new SettingRename("spool", "vigil.spool2"))));
        assertThrows(IllegalArgumentException.class, () -> new SettingRename("spool", "spool.x"));
        assertThrows(IllegalArgumentException.class, () -> new SettingRename("spool", "spool"));
        assertThrows(IllegalArgumentException.class, () -> new SettingRename("Spool", "vigil.spool"));
        assertThrows(IllegalArgumentException.class, () -> new SettingRename("spool.", "vigil.spool"));
    }
}
