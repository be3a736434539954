package io.licenseflow.commons.http;

import io.licenseflow.commons.input.StoredText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a request target (RFC 9112 §3.2): the characters RFC 3986 allows, well-formed percent-encoding of UTF-8 (RFC 3986),
 * no encoded slashes or dot segments in the path (they would let one path stand for another), and decoded text
 * that {@link StoredText} accepts.
 */
final class RequestTarget {

    /** Visible ASCII that RFC 3986 does not allow in a request target ('#' starts a fragment, which is never sent). */
    private static final String NOT_IN_URIS = "\"<>\\^`{|}#";

    private RequestTarget() {
    }

    /** Null when the target is acceptable; otherwise what is wrong with it. */
    static String firstProblem(String uri, String path, String query, int maxParameters) {
        if (path == null || !path.startsWith("/")) {
            return "the request target must be an absolute path such as /v1/...";
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x21 || c > 0x7e || NOT_IN_URIS.indexOf(c) >= 0) {
                return "the request URI may hold only the characters RFC 3986 allows; percent-encode others as UTF-8";
            }
        }
        if (path.indexOf(';') >= 0) {
            return "the path has a ';' (matrix parameters are not supported)";
        }
        for (String segment : path.split("/", -1)) {
            String decoded = decode(segment, false);
            if (decoded == null) {
                return "the path has malformed percent-encoding or encodes invalid UTF-8";
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return "the path has a dot segment";
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                return "the path has an encoded slash or backslash";
            }
            String problem = StoredText.firstProblemInLine(decoded);
            if (problem != null) {
                return "the path contains " + problem;
            }
        }
        if (query != null && !query.isEmpty()) {
            String[] parameters = query.split("&", -1);
            if (parameters.length > maxParameters) {
                return "the query has " + parameters.length + " parameters; at most " + maxParameters + " are accepted";
            }
            for (String parameter : parameters) {
                if (parameter.startsWith("=")) {
                    return "the query has a parameter without a name";
                }
                String decoded = decode(parameter, true);
                if (decoded == null) {
                    return "the query has malformed percent-encoding or encodes invalid UTF-8";
                }
                String problem = StoredText.firstProblemInLine(decoded);
                if (problem != null) {
                    return "the query contains " + problem;
                }
            }
        }
        return null;
    }

    /** Strict percent-decoding to UTF-8; null when malformed. */
    private static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
