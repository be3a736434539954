package io.licenseflow.notification.account;

import io.licenseflow.testing.AccountCreatedConsumerContract;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
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
