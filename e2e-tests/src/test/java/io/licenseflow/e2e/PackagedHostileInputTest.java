package io.licenseflow.e2e;

import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.LocalStack;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.hostile.CorpusLimits;
import io.licenseflow.testing.hostile.HostileInputProbe;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input corpus against the packaged services as they run in production (their own main class, real
 * Keycloak tokens): what the per-service tests prove of the test profile holds for the artifacts we ship.
 */
class PackagedHostileInputTest {

    @TestFactory
    Stream<DynamicTest> every_packaged_service_refuses_hostile_input_with_problems() throws IOException {
        CorpusLimits limits = CorpusLimits.from(sharedConfiguration()::getProperty);
        return PackagedSuite.all().values().stream().flatMap((ServiceProcess service) -> HostileInputProbe.against(
                service.name() + "-service", service.port(), PackagedSuite.DATABASES.get(service.name()),
                () -> KeycloakTokens.user("admin", "admin"), limits));
    }

    /** The packaged services run with these defaults (no environment overrides the limits). */
    private static Properties sharedConfiguration() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(LocalStack.root().resolve("service-commons/src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}
