package io.licenseflow.commons.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The media type grammar of RFC 9110 §8.3.1 and §12.5.1, strictly: what it does not match is a malformed header. */
public final class MediaTypes {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t \\x21-\\x7E])*\"";
    private static final String OWS = "[ \\t]*+";
    private static final String PARAMETERS = "(?:" + OWS + ";" + OWS + "(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*";
    private static final Pattern CONTENT_TYPE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")(" + PARAMETERS + ")" + OWS);
    private static final Pattern MEDIA_RANGE = Pattern.compile(OWS + "([^/\\s,;]++)/([^;,\\s]++)(" + PARAMETERS + ")" + OWS);
    private static final Pattern PARAMETER = Pattern.compile("(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + ")");
    private static final Pattern WEIGHT = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");

    private MediaTypes() {
    }

    /** A Content-Type value: type/subtype without wildcards, well-formed parameters. */
    record ContentType(String type, String subtype, String parameters) {

        boolean isJson() {
            return subtype.equals("json") || subtype.endsWith("+json");
        }

        /** No charset parameter, or UTF-8 under either of its registered names. */
        boolean isUtf8() {
            String charset = charset();
            return charset == null || charset.equals("utf-8") || charset.equals("utf8");
        }

        /** The charset parameter, lower-case and unquoted, or null. */
        String charset() {
            Matcher m = PARAMETER.matcher(parameters);
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase("charset")) {
                    return m.group(2).replace("\"", "").toLowerCase(Locale.ROOT);
                }
            }
            return null;
        }
    }

    static ContentType contentType(String value) {
        Matcher m = CONTENT_TYPE.matcher(value);
        if (!m.matches() || m.group(1).equals("*") || m.group(2).equals("*")) {
            return null;
        }
        return new ContentType(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), m.group(3));
    }

    /** The elements of a comma-separated header list; commas inside quoted strings do not separate. */
    private static java.util.List<String> elements(String value) {
        java.util.List<String> elements = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            } else if (c == ',' && !quoted) {
                elements.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        elements.add(current.toString());
        return elements;
    }

    /** "*&#47;*", "type/*" or "type/subtype". */
    private static boolean isRange(String type, String subtype) {
        if (type.equals("*")) {
            return subtype.equals("*");
        }
        return type.matches(TOKEN) && (subtype.equals("*") || subtype.matches(TOKEN));
    }

    /**
     * Whether a (valid) Accept value lets the answer be {@code type/subtype}: the most specific range that matches it
     * decides, and a weight of 0 means "not this" (RFC 9110 §12.5.1).
     */
    public static boolean accepts(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        boolean acceptable = false;
        for (String range : elements(accept)) {
            Matcher m = MEDIA_RANGE.matcher(range);
            if (!m.matches()) {
                continue;
            }
            String rangeType = m.group(1).toLowerCase(Locale.ROOT);
            String rangeSubtype = m.group(2).toLowerCase(Locale.ROOT);
            int specificity = rangeType.equals("*") ? 0 : rangeSubtype.equals("*") ? 1 : 2;
            boolean matches = specificity == 0 || rangeType.equals(type) && (specificity == 1 || rangeSubtype.equals(subtype));
            if (matches && specificity > bestSpecificity) {
                bestSpecificity = specificity;
                acceptable = weight(m.group(3)) > 0;
            }
        }
        return acceptable;
    }

    private static double weight(String parameters) {
        Matcher parameter = PARAMETER.matcher(parameters);
        while (parameter.find()) {
            if (parameter.group(1).equalsIgnoreCase("q")) {
                return Double.parseDouble(parameter.group(2));
            }
        }
        return 1;
    }

    /** An Accept value: a comma-separated list of media ranges, each with an optional well-formed weight. */
    static boolean isValidAccept(String value) {
        for (String range : elements(value)) {
            if (range.isBlank()) {
                continue; // the list syntax allows empty elements
            }
            Matcher m = MEDIA_RANGE.matcher(range);
            if (!m.matches() || !isRange(m.group(1), m.group(2))) {
                return false;
            }
            Matcher parameter = PARAMETER.matcher(m.group(3));
            while (parameter.find()) {
                if (parameter.group(1).equalsIgnoreCase("q") && !WEIGHT.matcher(parameter.group(2)).matches()) {
                    return false;
                }
            }
        }
        return true;
    }
}
