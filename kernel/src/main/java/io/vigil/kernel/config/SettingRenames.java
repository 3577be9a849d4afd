package io.vigil.kernel.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The renamed-settings table and what it makes of a site's configuration (pure: the sources come in, the settings
 * to add and the warnings go out; {@link RenamedSettings} reads and applies them).
 *
 * <p>An old name applies to its new name unless the new name is set too, in any source: then the new one wins and
 * the old one is ignored. Where several sources set one old name, the source of highest precedence gives the value,
 * as it did before the rename.
 */
public record SettingRenames(List<SettingRename> renames) {

    /** Vigil's renames (issue 16): every setting under {@code vigil.*}. */
    public static final SettingRenames VIGIL = new SettingRenames(List.of(
            new SettingRename("recorder", "vigil.recorder"),
            new SettingRename("playback", "vigil.playback"),
            new SettingRename("retention", "vigil.retention"),
            new SettingRename("spool", "vigil.spool"),
            new SettingRename("storage", "vigil.storage")));

    public SettingRenames {
        renames = List.copyOf(renames);
        Set<String> old = new HashSet<>();
        for (SettingRename r : renames) {
            if (!old.add(r.oldPrefix())) {
                throw new IllegalArgumentException("renamed twice: " + r.oldPrefix());
            }
        }
    }

    /** The new name of a setting as a source spells it, or empty when it was not renamed. */
    public Optional<String> newName(String name, boolean environmentVariable) {
        for (SettingRename r : renames) {
            Optional<String> renamed = environmentVariable ? r.environmentName(name) : r.propertyName(name);
            if (renamed.isPresent()) {
                return renamed;
            }
        }
        return Optional.empty();
    }

    /** What to add and what to warn about, given every source of the site's configuration. */
    public Renaming plan(List<SettingSource> sources) {
        Set<String> set = new HashSet<>();
        for (SettingSource source : sources) {
            source.values().keySet().forEach(name -> set.add(SettingRename.canonical(name)));
        }
        List<SettingSource> lowestFirst = new ArrayList<>(sources);
        lowestFirst.sort(Comparator.comparingInt(SettingSource::precedence));
        Map<String, Winner> winners = new HashMap<>();
        Map<String, Renaming.OldName> oldNames = new TreeMap<>();
        for (SettingSource source : lowestFirst) {
            source.values()
                    .forEach((name, value) -> newName(name, source.environmentVariables())
                            .ifPresent(newName -> {
                                String canonical = SettingRename.canonical(newName);
                                boolean ignored = set.contains(canonical);
                                oldNames.put(name, new Renaming.OldName(name, newName, ignored));
                                if (!ignored) {
                                    winners.put(canonical, new Winner(newName, source.environmentVariables(), value));
                                }
                            }));
        }
        Map<String, Object> properties = new TreeMap<>();
        Map<String, Object> environmentVariables = new TreeMap<>();
        for (Winner w : winners.values()) {
            (w.environmentVariable() ? environmentVariables : properties).put(w.newName(), w.value());
        }
        return new Renaming(properties, environmentVariables, List.copyOf(oldNames.values()));
    }

    /** The old setting whose value a new name takes: the last seen, in order of precedence. */
    private record Winner(String newName, boolean environmentVariable, Object value) {}
}
