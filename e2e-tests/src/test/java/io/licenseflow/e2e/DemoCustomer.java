package io.licenseflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.licenseflow.testing.LocalStack;
import io.licenseflow.testing.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The demo customer that ./licenseflow up seeds (deploy/local/seed-demo), whose account the realm's demo users belong
 * to (customer, enduser as subject "emil"): seeded on the packaged services by the same script.
 */
final class DemoCustomer {

    static final String ACCOUNT = "7d0b8f57-6c8e-4a44-9d3b-3f2a5e1c9a01";
    /** The realm's end user {@code enduser} is this user subject of the demo account. */
    static final String END_USER_SUBJECT = "emil";
    private static boolean seeded;

    private DemoCustomer() {
    }

    /** Runs deploy/local/seed-demo against the packaged services (it changes nothing when run again). */
    static void seed() throws IOException, InterruptedException {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess entitlement = PackagedSuite.service("entitlement");
        String keycloak = ServiceProcess.keycloakRealmUrl().replace("/realms/licenseflow", "");
        Process seed = new ProcessBuilder("bash", LocalStack.root().resolve("deploy/local/seed-demo").toString(), onboarding.url(), entitlement.url(), keycloak)
                .redirectErrorStream(true).start();
        String output = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(seed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(seed.exitValue()).as("deploy/local/seed-demo exit status; its output:\n" + output).isZero();
        assertThat(output).contains("demo customer " + ACCOUNT + " onboarded on team-annual");
        seeded = true;
    }

    /** Seeds once per test run, for tests that sign in as the demo users. */
    static synchronized void ensureSeeded() throws IOException, InterruptedException {
        if (!seeded) {
            seed();
        }
    }
}
