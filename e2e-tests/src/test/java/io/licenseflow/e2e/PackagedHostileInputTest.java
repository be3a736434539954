package io.licenseflow.e2e;

import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.hostile.HostileInputProbe;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input corpus against the packaged services as they run in production (their own main class, real
 * Keycloak tokens): what the per-service tests prove of the test profile holds for the artifacts we ship.
 */
class PackagedHostileInputTest {

    @TestFactory
    Stream<DynamicTest> every_packaged_service_refuses_hostile_input_with_problems() {
        String admin = KeycloakTokens.user("admin", "admin");
        return PackagedSuite.all().values().stream().flatMap((ServiceProcess service) ->
                HostileInputProbe.against(service.name() + "-service", service.port(), PackagedSuite.DATABASES.get(service.name()), admin));
    }
}
