package io.licenseflow.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/accounts", "/v1/accounts/7d0b8f57-6c8e-4a44-9d3b-3f2a5e1c9a01", "/v1/x?limit=10&after=abc",
            "/v1/x?q=%E4%B8%AD%E6%96%87", "/v1/x?q=a+b", "/v1/caf%C3%A9", "/v1/x?&limit=1", "/v1/x?a=1&&b=2", "/v1/x/"})
    void accepts_well_formed_targets(String uri) {
        assertThat(check(uri)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/%zz", "/v1/%", "/v1/a%2", "/v1/%ff", "/v1/%c0%80", "/v1/%ed%a0%80", "/v1/%00", "/v1/%0d",
            "/v1/%09", "/v1/%c2%85", "/v1/..", "/v1/%2e%2E", "/v1/a%2fb", "/v1/a%5Cb", "/v1/a;b=c", "/v1/{x}", "/v1/a|b",
            "/v1/a\"b", "/v1/x?a=%00", "/v1/x?a=%", "/v1/x?=1", "/v1/x#frag", "/v1/caf\u00e9", "/v1/x?a=%c0%af"})
    void refuses_malformed_or_ambiguous_targets(String uri) {
        assertThat(check(uri)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void counts_query_parameters() {
        assertThat(RequestTarget.firstProblem("/v1/x?a=1&b=2&c=3", "/v1/x", "a=1&b=2&c=3", 2)).contains("3 parameters");
    }

    private static String check(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return RequestTarget.firstProblem(uri, path, query < 0 ? null : uri.substring(query + 1), 50);
    }
}
