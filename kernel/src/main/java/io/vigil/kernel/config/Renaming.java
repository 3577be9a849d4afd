package io.vigil.kernel.config;

import java.util.List;
import java.util.Map;

/**
 * What the renamed-settings table makes of a site's configuration: the settings to add under their new names, and
 * one old name per line to warn about.
 *
 * @param properties           new property names and the values their old names had
 * @param environmentVariables new environment variable names and the values their old names had (kept apart, so the
 *                             framework reads them with the environment's conventions, as it read the old ones)
 * @param oldNames             every old name the site used, sorted
 */
public record Renaming(
        Map<String, Object> properties, Map<String, Object> environmentVariables, List<OldName> oldNames) {

    public Renaming {
        properties = Map.copyOf(properties);
        environmentVariables = Map.copyOf(environmentVariables);
        oldNames = List.copyOf(oldNames);
    }

    /**
     * An old setting name a site still uses.
     *
     * @param oldName as the site wrote it
     * @param newName what it is now, in the same spelling (property or environment variable)
     * @param ignored whether the new name is set too, which wins
     */
    public record OldName(String oldName, String newName, boolean ignored) {

        /** The start-up warning: names, never the value. */
        public String warning() {
            return ignored
                    ? "Setting " + oldName + " is ignored: its new name " + newName + " is set too, and wins; remove "
                            + oldName
                    : "Setting " + oldName + " has a new name, " + newName + ": its value is used; rename it";
        }
    }
}
