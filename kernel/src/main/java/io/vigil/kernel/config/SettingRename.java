package io.vigil.kernel.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One row of the renamed-settings table: every setting under {@code oldPrefix} is now under {@code newPrefix}, in
 * both spellings a site may use: a property name ({@code recorder.stall-timeout}, in a YAML file, a system property
 * or a command-line argument) and an environment variable ({@code RECORDER_STALL_TIMEOUT}).
 *
 * @param oldPrefix the old first segments, lower-case and dotted: {@code recorder}
 * @param newPrefix where they live now: {@code vigil.recorder}
 */
public record SettingRename(String oldPrefix, String newPrefix) {

    private static final String NAME = "[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*";

    public SettingRename {
        if (oldPrefix == null || !oldPrefix.matches(NAME) || newPrefix == null || !newPrefix.matches(NAME)) {
            throw new IllegalArgumentException(
                    "prefixes are dotted lower-case names, got " + oldPrefix + " -> " + newPrefix);
        }
        if (oldPrefix.equals(newPrefix) || newPrefix.startsWith(oldPrefix + ".")) {
            throw new IllegalArgumentException("a rename must leave the old prefix: " + oldPrefix + " -> " + newPrefix);
        }
    }

    /** The new name of a property named under the old prefix ({@code recorder.x} to {@code vigil.recorder.x}). */
    public Optional<String> propertyName(String name) {
        return name.startsWith(oldPrefix + ".") && name.length() > oldPrefix.length() + 1
                ? Optional.of(newPrefix + name.substring(oldPrefix.length()))
                : Optional.empty();
    }

    /** The new name of an environment variable named under the old prefix ({@code RECORDER_X} to {@code VIGIL_RECORDER_X}). */
    public Optional<String> environmentName(String variable) {
        String old = canonical(oldPrefix) + "_";
        return variable.startsWith(old) && variable.length() > old.length()
                ? Optional.of(canonical(newPrefix) + variable.substring(old.length() - 1))
                : Optional.empty();
    }

    /**
     * The one spelling of a setting name in every convention, so a property and an environment variable that name
     * the same setting compare equal: {@code vigil.recorder.stallTimeout}, {@code vigil.recorder.stall-timeout} and
     * {@code VIGIL_RECORDER_STALL_TIMEOUT} are all {@code VIGIL_RECORDER_STALL_TIMEOUT}.
     */
    public static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '-') {
                out.append('_');
            } else if (Character.isUpperCase(c)
                    && i > 0
                    && Character.isLetterOrDigit(name.charAt(i - 1))
                    && !Character.isUpperCase(name.charAt(i - 1))) {
                out.append('_').append(c);
            } else {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
