package io.licenseflow.entitlement.account;

import io.licenseflow.testing.AccountCreatedConsumerContract;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithLocalStack(database = "entitlement")
class AccountCreatedConsumerTest extends AccountCreatedConsumerContract {

    @Override
    protected String database() {
        return "entitlement";
    }

    @Override
    protected String accountTable() {
        return "licensee_account";
    }

    @Override
    protected String consumer() {
        return AccountCreatedConsumer.CONSUMER;
    }

    @Override
    protected String deadLetterTopic() {
        return "licenseflow.account.events.dlq.entitlement-service";
    }
}
