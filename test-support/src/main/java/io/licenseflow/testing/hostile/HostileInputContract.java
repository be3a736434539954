package io.licenseflow.testing.hostile;

import io.licenseflow.testing.TestTokens;
import io.restassured.RestAssured;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link HostileInputProbe} for a service's {@code @QuarkusTest}: a test class extends this, names the service's
 * database, and every operation the service documents is covered.
 */
public abstract class HostileInputContract {

    /** The service's database, where nothing may change. */
    protected abstract String database();

    @TestFactory
    Stream<DynamicTest> hostile_input_gets_a_problem_never_a_5xx_and_writes_nothing() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        return HostileInputProbe.against(service, RestAssured.port, database(), TestTokens.admin());
    }
}
