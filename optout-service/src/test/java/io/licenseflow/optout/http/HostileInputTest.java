package io.licenseflow.optout.http;

import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.testing.hostile.HostileInputContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint of this service against the shared hostile-input corpus. */
@QuarkusTest
@WithLocalStack(database = "optout")
class HostileInputTest extends HostileInputContract {

    @Override
    protected String database() {
        return "optout";
    }
}
