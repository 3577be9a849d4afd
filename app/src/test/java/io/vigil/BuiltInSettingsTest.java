package io.vigil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.vigil.kernel.config.SettingRename;
import io.vigil.kernel.config.SettingRenames;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code application.yml} sets nothing under a renamed group's new prefix: a default there would count
 * as the new name being set, and a site's old name ({@code storage.bucket} in its config file) would be ignored.
 */
class BuiltInSettingsTest {

    @Test
    void builtInDefaultsOfRenamedGroupsStayInTheirRecords() throws Exception {
        Map<String, Object> builtIn;
        try (InputStream yml = Application.class.getResourceAsStream("/application.yml")) {
            builtIn = new YamlPropertySourceLoader().read("application", yml);
        }
        List<String> hiding = builtIn.keySet().stream()
                .filter(key -> SettingRenames.VIGIL.renames().stream()
                        .map(SettingRename::newPrefix)
                        .anyMatch(prefix -> key.startsWith(prefix + ".")))
                .sorted()
                .toList();
        assertEquals(List.of(), hiding);
        assertEquals("config/cameras.yml", builtIn.get("vigil.cameras.file"), "the file was read and flattened");
    }
}
