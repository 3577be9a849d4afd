package io.vigil.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SettingRenames#plan}: which old settings apply, from which source, and what each warning says. */
class RenamingPlanTest {

    private static final int FILE = -300;
    private static final int ENVIRONMENT = -200;
    private static final int SYSTEM = -100;

    private static SettingSource file(Map<String, Object> values) {
        return new SettingSource("config/application.yml", FILE, false, values);
    }

    private static SettingSource environment(Map<String, Object> values) {
        return new SettingSource("env", ENVIRONMENT, true, values);
    }

    private static SettingSource system(Map<String, Object> values) {
        return new SettingSource("system", SYSTEM, false, values);
    }

    private static Renaming plan(SettingSource... sources) {
        return SettingRenames.VIGIL.plan(List.of(sources));
    }

    @Test
    void anOldPropertyAppliesToItsNewNameAndIsNamedOnce() {
        Renaming r = plan(file(Map.of("recorder.stall-timeout", "20s", "vigil.cluster.enabled", true)));
        assertEquals(Map.of("vigil.recorder.stall-timeout", "20s"), r.properties());
        assertEquals(Map.of(), r.environmentVariables());
        assertEquals(
                List.of(new Renaming.OldName("recorder.stall-timeout", "vigil.recorder.stall-timeout", false)),
                r.oldNames());
    }

    @Test
    void anOldEnvironmentVariableAppliesAsTheNewEnvironmentVariable() {
        Renaming r = plan(environment(Map.of("STORAGE_ENDPOINT", "http://minio:9000", "PATH", "/usr/bin")));
        assertEquals(Map.of(), r.properties());
        assertEquals(Map.of("VIGIL_STORAGE_ENDPOINT", "http://minio:9000"), r.environmentVariables());
        assertEquals(List.of(new Renaming.OldName("STORAGE_ENDPOINT", "VIGIL_STORAGE_ENDPOINT", false)), r.oldNames());
    }

    @Test
    void theNewNameWinsInAnySourceAndTheOldOneIsIgnored() {
        Renaming r = plan(
                file(Map.of("vigil.retention.cron", "0 0 * * * ?")),
                environment(Map.of("RETENTION_CRON", "0 */1 * * * ?")),
                system(Map.of("retention.max-bytes", "1000")));
        assertEquals(Map.of("vigil.retention.max-bytes", "1000"), r.properties());
        assertEquals(Map.of(), r.environmentVariables());
        assertEquals(
                List.of(
                        new Renaming.OldName("RETENTION_CRON", "VIGIL_RETENTION_CRON", true),
                        new Renaming.OldName("retention.max-bytes", "vigil.retention.max-bytes", false)),
                r.oldNames());
    }

    @Test
    void theNewNameSpelledAnotherWayStillWins() {
        Renaming r = plan(environment(Map.of("VIGIL_SPOOL_DIRECTORY", "/a")), file(Map.of("spool.directory", "/b")));
        assertEquals(Map.of(), r.properties());
        assertEquals(List.of(new Renaming.OldName("spool.directory", "vigil.spool.directory", true)), r.oldNames());
    }

    @Test
    void amongOldNamesTheSourceOfHighestPrecedenceGivesTheValueAsBefore() {
        Renaming r = plan(
                system(Map.of("spool.max-bytes", "3")),
                file(Map.of("spool.max-bytes", "1")),
                environment(Map.of("SPOOL_MAX_BYTES", "2")));
        assertEquals(Map.of("vigil.spool.max-bytes", "3"), r.properties());
        assertEquals(Map.of(), r.environmentVariables());
        assertEquals(
                List.of(
                        new Renaming.OldName("SPOOL_MAX_BYTES", "VIGIL_SPOOL_MAX_BYTES", false),
                        new Renaming.OldName("spool.max-bytes", "vigil.spool.max-bytes", false)),
                r.oldNames());

        Renaming environmentOverFile =
                plan(file(Map.of("spool.max-bytes", "1")), environment(Map.of("SPOOL_MAX_BYTES", "2")));
        assertEquals(Map.of(), environmentOverFile.properties());
        assertEquals(Map.of("VIGIL_SPOOL_MAX_BYTES", "2"), environmentOverFile.environmentVariables());
    }

    @Test
    void nothingOldNothingToDo() {
        Renaming r = plan(file(Map.of("vigil.storage.endpoint", "http://s3")), environment(Map.of("HOME", "/root")));
        assertEquals(new Renaming(Map.of(), Map.of(), List.of()), r);
    }

    @Test
    void warningsNameTheOldAndNewNameAndNeverTheValue() {
        Renaming.OldName used = new Renaming.OldName("STORAGE_SECRET_KEY", "VIGIL_STORAGE_SECRET_KEY", false);
        assertEquals(
                "Setting STORAGE_SECRET_KEY has a new name, VIGIL_STORAGE_SECRET_KEY: its value is used; rename it",
                used.warning());
        Renaming.OldName ignored = new Renaming.OldName("storage.secret-key", "vigil.storage.secret-key", true);
        assertEquals(
                "Setting storage.secret-key is ignored: its new name vigil.storage.secret-key is set too, and wins; "
                        + "remove storage.secret-key",
                ignored.warning());
    }
}
