package io.vigil.media.mp4;

import java.util.Optional;

/** Finding an init segment's tracks by their handler ({@code vide}, {@code soun}). Pure and bounded, like {@link Box}. */
final class Tracks {

    private Tracks() {}

    /** The first {@code moov/trak} whose {@code mdia/hdlr} names {@code handler}; empty when there is none. */
    static Optional<Box> first(byte[] init, String handler) {
        for (Box moov : Box.children(init, 0, init.length)) {
            if (!moov.type().equals("moov")) {
                continue;
            }
            for (Box trak : moov.children(init)) {
                Box hdlr = trak.type().equals("trak") ? Fragments.descend(init, trak, "mdia", "hdlr") : null;
                if (hdlr != null && handles(init, hdlr, handler)) {
                    return Optional.of(trak);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an {@code hdlr} box (version and flags, pre_defined, then the handler type) names {@code type}. */
    private static boolean handles(byte[] bytes, Box hdlr, String type) {
        int at = hdlr.content(8, 4);
        for (int i = 0; i < 4; i++) {
            if (bytes[at + i] != type.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
