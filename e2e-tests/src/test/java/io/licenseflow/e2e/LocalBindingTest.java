package io.licenseflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Local defaults stay local: started as ./licenseflow up starts them, the services listen on loopback only, so that
 * health, metrics and OpenAPI are not on the network. LF_HTTP_HOST binds elsewhere; the kubernetes profile (for
 * a pod) listens on every interface, over HTTPS only.
 */
class LocalBindingTest {

    @Test
    void the_packaged_services_listen_on_loopback_only() throws Exception {
        for (ServiceProcess service : PackagedSuite.all().values()) {
            assertThat(ListeningSockets.addressesOf(service.port())).as(service.name() + "-service").containsOnly("127.0.0.1");
        }
    }

    // onboarding-service: it consumes no topic, so an extra instance joins no consumer group of the suite.
    @Test
    void lf_http_host_binds_another_address() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("onboarding", 28089, Map.of("LF_HTTP_HOST", "0.0.0.0"))) {
            assertThat(ListeningSockets.addressesOf(service.port())).containsOnly(ListeningSockets.EVERY_INTERFACE);
        }
    }

    @Test
    void the_kubernetes_profile_serves_https_only_on_every_interface_with_hsts() throws Exception {
        TestCertificate tls = TestCertificate.create(Path.of("target", "tls"));
        try (ServiceProcess service = ServiceProcess.startHttps("onboarding", 28096, tls, Map.of())) {
            assertThat(ListeningSockets.addressesOf(service.port())).containsOnly(ListeningSockets.EVERY_INTERFACE);
            assertThat(ListeningSockets.addressesOf(service.port() + 1000)).as("no plain HTTP port").isEmpty();
            HttpResponse<String> health = service.http().send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
            HttpResponse<String> api = service.http().send(HttpRequest.newBuilder(URI.create(service.url() + "/v1/accounts/" + UUID.randomUUID()))
                    .header("Authorization", "Bearer " + KeycloakTokens.user("operator", "operator")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as("an API call over HTTPS with a Keycloak token").isEqualTo(404);
            assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP to the HTTPS port").isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void the_kubernetes_profile_refuses_to_start_without_a_certificate() {
        TestCertificate tls = TestCertificate.create(Path.of("target", "tls"));
        assertThatThrownBy(() -> ServiceProcess.startHttps("onboarding", 28196, tls,
                Map.of("LICENSEFLOW_TLS_CERT", "target/no-such.crt", "LICENSEFLOW_TLS_KEY", "target/no-such.key")).close())
                .hasMessageContaining("exited").hasMessageContaining("no-such.crt");
    }
}
