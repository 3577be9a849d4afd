package io.vigil.media.zip;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The name of a file in a ZIP archive, checked so that no reader extracts it outside the directory it extracts to and
 * every reader sees the same name: a relative path of {@code /}-separated segments, in UTF-8 (general-purpose bit
 * 11). Refused with {@link MediaError#ZIP_NAME_REFUSED}: empty, more than 65,535 bytes of UTF-8 (the header's 16-bit
 * length), not well-formed Unicode (an unpaired surrogate), absolute ({@code /etc}), a colon (a drive letter, {@code C:x}, or an
 * NTFS stream, {@code a:b}), a backslash (a separator on Windows), a control character (NUL included), and an empty, {@code .} or {@code ..}
 * segment (so also a trailing {@code /}: this writer writes files, not directory entries). Pure.
 */
final class EntryName {

    /** The most bytes a name may take: its length is a 16-bit field of the local and central headers. */
    static final int MAX_BYTES = 0xFFFF;

    private final String value;
    private final byte[] utf8;

    private EntryName(String value, byte[] utf8) {
        this.value = value;
        this.utf8 = utf8;
    }

    /** The name as given. */
    String value() {
        return value;
    }

    /** Its UTF-8 bytes, as the headers hold them (not to be changed). */
    byte[] utf8() {
        return utf8;
    }

    /** The name checked and encoded, or refused. */
    static EntryName of(String name) {
        if (name == null || name.isEmpty()) {
            throw refused(name, "is empty");
        }
        byte[] utf8 = encode(name);
        if (utf8.length > MAX_BYTES) {
            throw refused(name, "takes " + utf8.length + " bytes of UTF-8, more than " + MAX_BYTES);
        }
        if (name.charAt(0) == '/') {
            throw refused(name, "is absolute");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                throw refused(name, "has a backslash");
            }
            if (c == ':') {
                throw refused(name, "has a colon (a drive letter or a file's stream on Windows)");
            }
            if (c < 0x20 || c == 0x7F) {
                throw refused(name, "has a control character");
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(name, "has an empty, '.' or '..' segment");
            }
        }
        return new EntryName(name, utf8);
    }

    private static byte[] encode(String name) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(name));
            byte[] utf8 = new byte[bytes.remaining()];
            bytes.get(utf8);
            return utf8;
        } catch (CharacterCodingException e) {
            throw refused(name, "is not well-formed Unicode");
        }
    }

    static MediaException refused(String name, String why) {
        return new MediaException(MediaError.ZIP_NAME_REFUSED, "the entry name " + quoted(name) + " " + why);
    }

    /** The name for a message: quoted, at most 80 characters, control characters as '?'. */
    private static String quoted(String name) {
        if (name == null) {
            return "null";
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return "'" + shown.replaceAll("[\\x00-\\x1F\\x7F]", "?") + "'";
    }
}
