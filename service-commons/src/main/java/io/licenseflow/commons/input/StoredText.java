package io.licenseflow.commons.input;

/**
 * What text our services accept: any Unicode string PostgreSQL can store and JSON can carry, without control
 * characters other than tab, line feed and carriage return. That excludes U+0000 (PostgreSQL text cannot hold it),
 * unpaired surrogates (no UTF-8 encoding exists for them), and terminal escapes and other C0/C1 controls (they
 * corrupt logs and screens).
 */
public final class StoredText {

    private StoredText() {
    }

    /** Null when {@code text} is acceptable; otherwise a description of the first offending character. */
    public static String firstProblem(String text) {
        return firstProblem(text, true);
    }

    /** As {@link #firstProblem(String)}, for text that must stay on one line (a decoded URI): no tab, CR or LF either. */
    public static String firstProblemInLine(String text) {
        return firstProblem(text, false);
    }

    /**
     * For a header value, which HTTP carries as bytes that Vert.x reads as ISO-8859-1: only C0 controls (bar tab) and
     * DEL are refused, since 0x80–0x9F are the continuation bytes of legitimate UTF-8 text there.
     */
    public static String firstProblemInHeader(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return "the control character " + codePoint(c);
            }
        }
        return null;
    }

    /** {@code text} cut to {@code max} characters, each character {@link #firstProblem} refuses replaced by '?'. */
    public static String replaceUnstorable(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(isControl(c, false) || Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.length() < text.length() ? out.append('…').toString() : out.toString();
    }

    private static String firstProblem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "an unpaired surrogate " + codePoint(c);
            }
            if (Character.isLowSurrogate(c)) {
                return "an unpaired surrogate " + codePoint(c);
            }
            if (isControl(c, multiline)) {
                return "the control character " + codePoint(c);
            }
        }
        return null;
    }

    private static boolean isControl(char c, boolean multiline) {
        boolean allowed = multiline && (c == '\t' || c == '\n' || c == '\r');
        return (c < 0x20 && !allowed) || (c >= 0x7f && c <= 0x9f);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
