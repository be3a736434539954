package io.licenseflow.commons.json;

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

    /** As {@link #firstProblem(String)}, for text that must stay on one line (URIs, header values): no tab, CR or LF. */
    public static String firstProblemInLine(String text) {
        return firstProblem(text, false);
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
            boolean allowedControl = multiline && (c == '\t' || c == '\n' || c == '\r');
            if ((c < 0x20 && !allowedControl) || (c >= 0x7f && c <= 0x9f)) {
                return "the control character " + codePoint(c);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
