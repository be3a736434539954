package io.licenseflow.onboarding.http;

import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.testing.hostile.HostileInputContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;

/** Every endpoint of this service against the shared hostile-input corpus. */
@QuarkusTest
@WithLocalStack(database = "onboarding")
class HostileInputTest extends HostileInputContract {

    /** The license type of POST /v1/accounts' OpenAPI example is on offer, so that the example is a valid request. */
    @BeforeAll
    static void theExamplesLicenseTypeIsOnOffer() {
        TestOffers.offeredOnce("starter-monthly", 3, 10);
    }

    @Override
    protected String database() {
        return "onboarding";
    }
}
