package io.licenseflow.testing.hostile;

import io.licenseflow.testing.TestTokens;
import io.restassured.RestAssured;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link HostileInputProbe} for a service's {@code @QuarkusTest}: a test class extends this, names the service's
 * database, and every operation the service documents is covered. The service's scheduled jobs are paused meanwhile,
 * so that any write the probe sees is a request's.
 */
public abstract class HostileInputContract {

    /** The service's database, where nothing may change. */
    protected abstract String database();

    @BeforeAll
    static void pauseScheduledJobs() {
        Arc.container().instance(Scheduler.class).get().pause();
    }

    @AfterAll
    static void resumeScheduledJobs() {
        if (Arc.container() != null) { // null when the application failed to start
            Arc.container().instance(Scheduler.class).get().resume();
        }
    }

    @TestFactory
    Stream<DynamicTest> hostile_input_gets_a_problem_never_a_5xx_and_writes_nothing() {
        Config config = ConfigProvider.getConfig();
        return HostileInputProbe.against(config.getValue("quarkus.application.name", String.class), RestAssured.port, database(),
                TestTokens::admin, CorpusLimits.from(name -> config.getValue(name, String.class)));
    }
}
