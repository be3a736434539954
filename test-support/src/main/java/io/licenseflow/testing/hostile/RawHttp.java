package io.licenseflow.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends one raw request on its own connection and reads the whole answer; null when the server answered nothing. */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The status of an {@link Answer} that never came. */
    static final int TIMED_OUT = -2;

    private RawHttp() {
    }

    static Answer send(String host, int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // A server may answer (413, 431) and close before reading everything: read what it said.
            }
            byte[] response;
            try {
                response = readAll(socket.getInputStream());
            } catch (java.net.SocketTimeoutException silent) {
                return new Answer(TIMED_OUT, Map.of(), "");
            }
            return response.length == 0 ? null : parse(response);
        }
    }

    /** Reads to the end of the answer; an event stream never ends, so there the head and what came with it suffice. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (isEventStreamHead(out)) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // connection reset after the answer: keep what arrived
        }
        return out.toByteArray();
    }

    private static boolean isEventStreamHead(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end >= 0 && text.substring(0, end).toLowerCase(Locale.ROOT).contains("\r\ncontent-type: text/event-stream");
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rawBody = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rawBody = dechunk(rawBody);
        }
        return new Answer(status, headers, new String(rawBody, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOf(chunked, i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
