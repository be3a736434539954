package io.licenseflow.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 request as bytes, built without any client library's validation: hostile cases need to send what a
 * well-behaved client would refuse to (malformed targets, duplicate headers, any body under any Content-Type).
 */
final class RawRequest {

    String method;
    String target;
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    boolean chunked;
    /** False to send no Host header at all (one set with {@link #setHeader} is sent either way). */
    boolean sendHost = true;

    RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    RawRequest copy() {
        RawRequest copy = new RawRequest(method, target);
        headers.forEach(h -> copy.headers.add(h.clone()));
        copy.body = body;
        copy.chunked = chunked;
        copy.sendHost = sendHost;
        return copy;
    }

    RawRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Replaces every header of that name (case-insensitive); a null value removes it. */
    RawRequest setHeader(String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return value == null ? this : header(name, value);
    }

    String headerValue(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    RawRequest body(String contentType, byte[] bytes) {
        setHeader("Content-Type", contentType);
        body = bytes;
        return this;
    }

    RawRequest jsonBody(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Header names and values are written as ISO-8859-1, so a case can put any byte 0x00–0xFF into them. */
    byte[] toBytes(String authority) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " HTTP/1.1\r\n");
        boolean hasHost = headers.stream().anyMatch(h -> h[0].toLowerCase(Locale.ROOT).equals("host"));
        if (!hasHost && sendHost && authority != null) {
            write(out, "Host: " + authority + "\r\n");
        }
        for (String[] h : headers) {
            write(out, h[0] + ": " + h[1] + "\r\n");
        }
        write(out, "Connection: close\r\n");
        if (body != null && chunked) {
            write(out, headerValue("Transfer-Encoding") == null ? "Transfer-Encoding: chunked\r\n\r\n" : "\r\n");
            for (int offset = 0; offset < body.length; offset += 65536) {
                int length = Math.min(65536, body.length - offset);
                write(out, Integer.toHexString(length) + "\r\n");
                out.write(body, offset, length);
                write(out, "\r\n");
            }
            write(out, "0\r\n\r\n");
        } else if (body != null) {
            write(out, "Content-Length: " + body.length + "\r\n\r\n");
            out.writeBytes(body);
        } else {
            write(out, "\r\n");
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
