package io.vigil.media.fuzz;

/**
 * How long each fuzz test fuzzes in the Test command (the {@code fuzz} surefire execution sets {@code JAZZER_FUZZ}):
 * a few seconds, so the whole module's tests stay within a minute. Without {@code JAZZER_FUZZ} (an IDE, or
 * {@code -Dtest=}) a fuzz test only replays its inputs under {@code src/test/resources}, crashes found earlier
 * included.
 */
final class FuzzRun {

    static final String DURATION = "3s";

    private FuzzRun() {}
}
