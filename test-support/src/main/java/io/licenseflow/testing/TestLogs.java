package io.licenseflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what the service under test logged: the test profile writes JSON lines to target/service-test.log (rotated
 * to .1, .2, ... at each boot), the same structure as production logs.
 */
public final class TestLogs {

    public static final Path SERVICE_LOG = Path.of("target", "service-test.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestLogs() {
    }

    /** The first entry of the current log whose message contains {@code text}. */
    public static Optional<JsonNode> entryWithMessage(String text) {
        return entries(SERVICE_LOG).stream().filter(e -> e.path("message").asText().contains(text)).findFirst();
    }

    /** Every entry of the current log that carries {@code value} under the MDC key {@code key}. */
    public static List<JsonNode> entriesWithMdc(String key, String value) {
        return entries(SERVICE_LOG).stream().filter(e -> value.equals(e.path("mdc").path(key).asText(null))).toList();
    }

    /** The entries of one log file, JSON line by line (lines that are not JSON are skipped). */
    public static List<JsonNode> entries(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            List<JsonNode> entries = new ArrayList<>();
            lines.filter(l -> l.startsWith("{")).forEach(line -> {
                try {
                    entries.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    // a line cut short by a crash: not an entry
                }
            });
            return entries;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
