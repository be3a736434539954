package io.licenseflow.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @Test
    void reads_content_types_and_their_charset() {
        assertThat(MediaTypes.contentType("application/json").isJson()).isTrue();
        assertThat(MediaTypes.contentType("application/merge-patch+json; charset=UTF-8").charset()).isEqualTo("utf-8");
        assertThat(MediaTypes.contentType("application/json;charset=\"utf-16\"").charset()).isEqualTo("utf-16");
        assertThat(MediaTypes.contentType("text/plain").isJson()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";", "application", "application/", "application/json/x", "*/*", "application/*", "application/json; charset=\"",
            "application/json;;=", "appli cation/json"})
    void refuses_what_is_not_a_concrete_media_type(String value) {
        assertThat(MediaTypes.contentType(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "text/html, application/json;q=0.9, */*;q=0.1", "application/*", "a/b, ,c/d",
            "application/json;q=1.000", "application/json; charset=utf-8"})
    void accepts_well_formed_accept_values(String value) {
        assertThat(MediaTypes.isValidAccept(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;", "application/", "*/*;q=2", "*/*;q=abc", "text/html;level=", "/", "json", "*/json", "a/b/c", "*/*;q=0.0001"})
    void refuses_malformed_accept_values(String value) {
        assertThat(MediaTypes.isValidAccept(value)).isFalse();
    }

    @Test
    void quoted_commas_do_not_split_a_list_and_whitespace_runs_are_read_in_linear_time() {
        assertThat(MediaTypes.isValidAccept("text/plain; note=\"a, b\", application/json")).isTrue();
        assertThat(MediaTypes.accepts("text/plain; note=\"a, b\", application/json;q=0", "application", "json")).isFalse();
        // A pathological value that a backtracking pattern would take seconds over: answered (wrongly formed) at once.
        assertThat(MediaTypes.isValidAccept("a/b," + " ".repeat(16_300) + "x")).isFalse();
        assertThat(MediaTypes.contentType("application/json; charset=utf8").isUtf8()).isTrue();
    }

    @Test
    void the_most_specific_matching_range_decides_and_a_zero_weight_refuses() {
        assertThat(MediaTypes.accepts("*/*", "application", "json")).isTrue();
        assertThat(MediaTypes.accepts("application/json;q=0", "application", "json")).isFalse();
        assertThat(MediaTypes.accepts("application/json;q=0, */*", "application", "json")).isFalse();
        assertThat(MediaTypes.accepts("application/*;q=0, application/json", "application", "json")).isTrue();
        assertThat(MediaTypes.accepts("text/html", "application", "json")).isFalse();
        assertThat(MediaTypes.accepts("text/csv, application/json;q=0.5", "text", "csv")).isTrue();
    }
}
