package io.vigil.architecture;

/** Java source read as code: comments and literals blanked out, line breaks kept. Pure. */
final class JavaText {

    private JavaText() {}

    /**
     * The source with every comment, string, text block and character literal replaced by spaces (line breaks kept,
     * so offsets keep their line): a name mentioned there is no dependency.
     */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = closing(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, "\"\"\"", i + 3);
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = closing(source, String.valueOf(source.charAt(i)), i + 1);
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (code.charAt(j) != '\n') {
                    code.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return code.toString();
    }

    /** Just past the first unescaped {@code close} from {@code from}; the text's end if there is none. */
    private static int closing(String source, String close, int from) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(close, i)) {
                return i + close.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    /** The package of a qualified name: its parts before the first that starts with a capital (a type's name). */
    static String packageOf(String qualifiedName) {
        StringBuilder pkg = new StringBuilder();
        for (String part : qualifiedName.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.isEmpty() ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    /** The line (from 1) of an offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
