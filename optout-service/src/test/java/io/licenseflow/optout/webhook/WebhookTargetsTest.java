package io.licenseflow.optout.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licenseflow.commons.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The server-side request forgery checks as a production install has them (no plain-http loopback). */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false);
    private final WebhookTargets local = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
            "https://10.1.2.3/hook", "https://172.16.0.9/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::ffff:192.168.1.1]/hook", "https://[fd00::1]/hook",
            "https://[fe80::1]/hook", "https://224.0.0.1/hook", "https://[64:ff9b::a9fe:a9fe]/hook", "https://[64:ff9b:1::a00:1]/hook",
            "https://[2002:a9fe:a9fe::1]/hook", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", "https://[::ffff:0:7f00:1]/hook",
            "https://[2001:db8::1]/hook", "https://[100::1]/hook", "https://user:secret@93.184.216.34/hook", "https://93.184.216.34/hook#frag",
            "ftp://93.184.216.34/hook", "not a url", "https:///nohost"})
    void refused_in_production(String url) {
        assertThatThrownBy(() -> production.resolve(url)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().code()).isEqualTo("forbidden-webhook-target"));
    }

    @Test
    void a_public_https_address_is_accepted_and_pinned() {
        WebhookTargets.Target target = production.resolve("https://93.184.216.34:8443/hooks/in?x=1");
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.tls()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/hooks/in?x=1");
    }

    @Test
    void a_public_ipv6_address_is_accepted() {
        assertThat(production.resolve("https://[2606:2800:220:1:248:1893:25c8:1946]/hook").tls()).isTrue();
        assertThat(production.resolve("https://[2002:5db8:d822::1]/hook").address()).isNotNull(); // 6to4 of a public address
    }

    @Test
    void the_local_stack_allows_plain_http_to_loopback_only() {
        assertThat(local.resolve("http://127.0.0.1:9999/hook").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> local.resolve("http://93.184.216.34/hook")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> local.resolve("http://192.168.1.1/hook")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> local.resolve("https://10.0.0.1/hook")).isInstanceOf(ProblemException.class);
    }
}
