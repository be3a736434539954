package io.licenseflow.optout.account;

import io.licenseflow.testing.AccountCreatedConsumerContract;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithLocalStack(database = "optout")
class AccountCreatedConsumerTest extends AccountCreatedConsumerContract {

    @Override
    protected String database() {
        return "optout";
    }

    @Override
    protected String accountTable() {
        return "optout_account";
    }

    @Override
    protected String consumer() {
        return AccountCreatedConsumer.CONSUMER;
    }

    @Override
    protected String deadLetterTopic() {
        return "licenseflow.account.events.dlq.optout-service";
    }
}
