package io.licenseflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads what the service under test logged (the test profile writes it to target/service-test.log). */
public final class TestLogs {

    public static final Path SERVICE_LOG = Path.of("target", "service-test.log");

    private TestLogs() {
    }

    /** The log entry whose first line contains {@code text}, with the stack trace lines that follow it; "" if none. */
    public static String entryContaining(String text) {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                StringBuilder entry = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("^\\d{4}-\\d{2}-\\d{2} .*"); j++) {
                    entry.append('\n').append(lines.get(j));
                }
                return entry.toString();
            }
        }
        return "";
    }

    public static List<String> lines() {
        try {
            return Files.exists(SERVICE_LOG) ? Files.readAllLines(SERVICE_LOG) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
