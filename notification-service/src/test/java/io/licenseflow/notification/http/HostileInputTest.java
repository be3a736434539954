package io.licenseflow.notification.http;

import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.testing.hostile.HostileInputContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint of this service against the shared hostile-input corpus. */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
class HostileInputTest extends HostileInputContract {

    @Override
    protected String database() {
        return "notification";
    }
}
