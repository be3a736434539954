package io.licenseflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.licenseflow.testing.ServiceProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local defaults stay local: started as ./licenseflow up starts them, the services listen on loopback only, so that
 * health, metrics and OpenAPI are not on the network. LF_HTTP_HOST binds elsewhere; the kubernetes profile (for
 * a pod) listens on every interface.
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
        try (ServiceProcess service = ServiceProcess.start("onboarding", 28095, Map.of("LF_HTTP_HOST", "0.0.0.0"))) {
            assertThat(ListeningSockets.addressesOf(service.port())).containsOnly(ListeningSockets.EVERY_INTERFACE);
        }
    }

    @Test
    void the_kubernetes_profile_listens_on_every_interface() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("onboarding", 28096, Map.of("QUARKUS_PROFILE", "kubernetes"))) {
            assertThat(ListeningSockets.addressesOf(service.port())).containsOnly(ListeningSockets.EVERY_INTERFACE);
        }
    }
}
