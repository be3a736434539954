package io.licenseflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner behind {@link NoIssuedKeyInAnyLogTest} finds a planted key however it was written, and nothing else. */
class KeyLeakScannerTest {

    private static final String KEY = "LF-7K3M-Q9XD-2HVB-8RTC-4NWP-6JFZ-A1E5";
    private final KeyLeakScanner scanner = new KeyLeakScanner(List.of(KEY));

    @Test
    void a_key_is_found_with_or_without_its_prefix_dashes_and_case() throws Exception {
        for (String written : List.of(KEY, "key=" + KEY.substring(3), KEY.replace("-", "").toLowerCase(),
                "{\"key\":\"" + KEY.replace('-', ' ') + "\"}", "LF_7K3M_Q9XD_2HVB_8RTC_4NWP_6JFZ_A1E5")) {
            assertThat(scan("2026-11-23 INFO activation for " + written + " accepted")).as(written).containsExactly("7K3MQ9");
        }
    }

    @Test
    void a_key_mistyped_or_cut_off_by_up_to_four_characters_is_still_a_leak() throws Exception {
        assertThat(scan("rejected LF-7K3M-Q9XD-2HVB-8RTC-4NWP-6JFZ-A1E6")).containsExactly("7K3MQ9");
        assertThat(scan("rejected 7K3M-Q9XD-2HVB-8RTC-4NWP-6JFZ")).containsExactly("7K3MQ9");
        assertThat(scan("rejected ...3M-Q9XD-2HVB-8RTC-4NWP-6JFZ-A1E5")).containsExactly("7K3MQ9");
        assertThat(scan(KEY + "\n" + KEY)).as("each occurrence once").containsExactly("7K3MQ9", "7K3MQ9");
    }

    @Test
    void other_keys_and_shorter_runs_of_a_key_are_not_reported() throws Exception {
        assertThat(scan("LF-0000-0000-0000-0000-0000-0000-0000 and LF-7K3M-Q9XD-2HVB-8RTC-4NWP-6JF, prefix LF-7K3M")).isEmpty();
        assertThat(scan("7K3M-Q9XD-2HVB-8RTC-4NWP-6JFZ-A1E5".substring(5, 32))).isEmpty();
    }

    @Test
    void files_are_scanned_in_any_directory_but_compiled_code_is_skipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("postgres/data/base"));
        Files.write(dir.resolve("postgres/data/base/16384"), ("\u0000\u0001heap page " + KEY + "\u0000").getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("service-test.log.3"), "{\"message\":\"nothing here\"}\n");
        Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("classes/Fixture.txt"), KEY);

        assertThat(scanner.scan(List.of(dir, dir.resolve("missing")))).extracting(KeyLeakScanner.Leak::file)
                .containsExactly(dir.resolve("postgres/data/base/16384"));
    }

    @Test
    void only_license_keys_can_be_looked_for() {
        assertThatThrownBy(() -> new KeyLeakScanner(List.of("LF-SHORT"))).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> scan(String text) throws Exception {
        return scanner.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
