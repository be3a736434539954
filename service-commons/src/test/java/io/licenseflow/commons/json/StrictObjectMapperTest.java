package io.licenseflow.commons.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.input.RequestLimits;
import io.licenseflow.commons.problem.ExceptionProblems;
import io.licenseflow.commons.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON reader and the problems its refusals become (as ExceptionProblems translates them for every service). */
class StrictObjectMapperTest {

    record Request(String name, Integer seats, Boolean trial, Kind kind, List<String> tags, Map<String, String> metadata) {
    }

    enum Kind { NODE_LOCKED, FLOATING }

    private final ObjectMapper mapper = new StrictObjectMapper().objectMapper(List.of(), new RequestLimits() {
        public int maxUriLength() { return 8192; }
        public int maxHeaderBytes() { return 16384; }
        public int maxHeaderCount() { return 100; }
        public int maxQueryParameters() { return 50; }
        public MemorySize maxBodySize() { return new MemorySize(BigInteger.valueOf(1 << 20)); }
        public int maxJsonDepth() { return 32; }
    });

    @Test
    void reads_a_body_larger_than_the_parsers_buffer_arriving_in_small_reads() throws Exception {
        String body = "{\"items\": [" + String.join(",", java.util.Collections.nCopies(2000, "\"abcdefgh\"")) + "]}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.InputStream trickle = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        org.assertj.core.api.Assertions.assertThat(mapper.readTree(trickle).get("items").size()).isEqualTo(2000);
    }

    @Test
    void reads_a_well_formed_body() throws Exception {
        Request request = read("{\"name\":\"Acme \uD83D\uDE80\\t\\n\",\"seats\":3,\"trial\":true,\"kind\":\"FLOATING\",\"tags\":[\"a\"],\"metadata\":{\"os\":\"linux\"}}");
        assertThat(request.name()).isEqualTo("Acme \uD83D\uDE80\t\n");
        assertThat(request.metadata()).containsEntry("os", "linux");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"\\u0000\"}                    | invalid-characters | name",
            "{\"name\":\"a\\ud800\"}                   | invalid-characters | name",
            "{\"name\":\"\\udc00a\"}                   | invalid-characters | name",
            "{\"name\":\"\\u001b[0m\"}                 | invalid-characters | name",
            "{\"tags\":[\"ok\",\"\\u0007\"]}           | invalid-characters | tags[1]",
            "{\"metadata\":{\"k\\u0000\":\"v\"}}       | invalid-characters | metadata.k?",
            "{\"metadata\":{\"k\":\"\\u0085\"}}        | invalid-characters | metadata.k",
            "{\"name\":\"a\",\"name\":\"b\"}           | duplicate-field    | name",
            "{\"metadata\":{\"k\":\"1\",\"k\":\"2\"}}  | duplicate-field    | metadata.k",
            "{\"name\":\"a\"} x                        | malformed-json     | ",
            "{\"name\":\"a\"}{}                        | malformed-json     | ",
            "{\"name\":'a'}                            | malformed-json     | ",
            "[]                                        | malformed-json     | ",
            "{\"name\":1}                              | wrong-type         | name",
            "{\"name\":true}                           | wrong-type         | name",
            "{\"seats\":\"3\"}                         | wrong-type         | seats",
            "{\"seats\":3.5}                           | wrong-type         | seats",
            "{\"seats\":true}                          | wrong-type         | seats",
            
            "{\"trial\":1}                             | wrong-type         | trial",
            "{\"trial\":\"true\"}                      | wrong-type         | trial",
            "{\"kind\":0}                              | wrong-type         | kind",
            "{\"kind\":\"\"}                           | wrong-type         | kind",
            "{\"kind\":\"OTHER\"}                      | wrong-type         | kind",
            "{\"seats\":99999999999}                   | number-out-of-range | seats",
            "{\"seats\":99999999999999999999999999999999999999999999999999999999999999999999} | json-limit-exceeded | ",
            "{\"extra\":1}                             | unknown-field      | extra",
    })
    void refuses_what_a_client_cannot_have_meant(String body, String code, String field) {
        Problem problem = problemFor(body);
        assertThat(problem.code()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly(field);
        }
    }

    @Test
    void refuses_deep_nesting() {
        Problem problem = ExceptionProblems.answer(failure(() -> mapper.readTree("{\"a\":".repeat(40) + "1" + "}".repeat(40))), "test").problem();
        assertThat(problem.code()).isEqualTo("json-limit-exceeded");
        assertThat(problem.detail()).contains("nests deeper").doesNotContain("StreamReadConstraints");
    }

    @Test
    void a_json_failure_our_own_code_wraps_is_an_internal_error_not_the_clients() {
        Throwable storedDataUnreadable = new IllegalStateException("stored definition is unreadable",
                failure(() -> mapper.readValue("{\"seats\":\"x\"}", Request.class)));
        assertThat(ExceptionProblems.answer(storedDataUnreadable, "test").problem().code()).isEqualTo("internal-error");
        Throwable readByTheRestLayer = new jakarta.ws.rs.BadRequestException(failure(() -> mapper.readValue("{\"seats\":\"x\"}", Request.class)));
        assertThat(ExceptionProblems.answer(readByTheRestLayer, "test").problem().code()).isEqualTo("wrong-type");
    }

    @Test
    void reads_utf_8_without_byte_order_mark_only() throws Exception {
        String json = "{\"name\":\"Acme\"}";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, Charset.forName("UTF-32"))) {
            assertThat(problemFor(json.getBytes(charset)).code()).as(charset.name()).isEqualTo("malformed-json");
        }
        assertThat(problemFor(("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("malformed-json");
        assertThat(problemFor(new byte[] {'{', '"', 'n', (byte) 0xc0, (byte) 0x80, '"', ':', '1', '}'}).code())
                .as("overlong NUL").isIn("malformed-json", "invalid-characters");
        assertThat(mapper.readValue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), JsonNode.class).get("name").asText())
                .isEqualTo("Acme");
    }

    private Problem problemFor(String json) {
        return problemFor(json.getBytes(StandardCharsets.UTF_8));
    }

    private Problem problemFor(byte[] body) {
        return ExceptionProblems.answer(failure(() -> mapper.readValue(new ByteArrayInputStream(body), Request.class)), "test").problem();
    }

    private Request read(String json) throws Exception {
        return mapper.readValue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Request.class);
    }

    interface Reading {
        Object read() throws Exception;
    }

    private static Throwable failure(Reading reading) {
        try {
            reading.read();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("was read without complaint");
    }
}
