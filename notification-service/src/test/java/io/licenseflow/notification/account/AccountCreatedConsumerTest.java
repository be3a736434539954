package io.licenseflow.notification.account;

import io.licenseflow.testing.AccountCreatedConsumerContract;
import io.licenseflow.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"),
        scope = TestResourceScope.MATCHING_RESOURCES)
class AccountCreatedConsumerTest extends AccountCreatedConsumerContract {

    @Override
    protected String database() {
        return "notification";
    }

    @Override
    protected String accountTable() {
        return "recipient";
    }

    @Override
    protected String consumer() {
        return AccountCreatedConsumer.CONSUMER;
    }

    @Override
    protected String deadLetterTopic() {
        return "licenseflow.account.events.dlq.notification-service";
    }
}
