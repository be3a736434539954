package io.licenseflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.events.license.UsageVerified;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private final UUID accountId = UUID.randomUUID();

    private ObjectNode validAccountCreated() {
        AccountCreated payload = new AccountCreated(accountId, "Acme", "ops@acme.example.com", Instant.parse("2026-11-22T10:00:00Z"), "en");
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), AccountCreated.TYPE, 1, "/licenseflow/onboarding-service",
                AggregateTypes.ACCOUNT, accountId.toString(), Instant.parse("2026-11-22T10:00:00Z"),
                EventJson.MAPPER.valueToTree(payload), "test-correlation");
        return EventJson.MAPPER.valueToTree(envelope);
    }

    @Test
    void accepts_a_well_formed_account_created_event() {
        assertThat(EventSchemas.violations(validAccountCreated())).isEmpty();
    }

    @Test
    void rejects_an_envelope_without_id() {
        ObjectNode event = validAccountCreated();
        event.remove("id");
        assertThat(EventSchemas.violations(event)).anyMatch(v -> v.contains("id"));
    }

    @Test
    void rejects_a_payload_with_a_bad_email_and_an_unknown_field() {
        ObjectNode event = validAccountCreated();
        ((ObjectNode) event.get("payload")).put("contactEmail", "not-an-email").put("surprise", true);
        assertThat(EventSchemas.violations(event))
                .anyMatch(v -> v.startsWith("payload:") && v.contains("contactEmail"))
                .anyMatch(v -> v.startsWith("payload:") && v.contains("surprise"));
    }

    @Test
    void rejects_an_unknown_type_or_version() {
        ObjectNode event = validAccountCreated();
        event.put("schemaVersion", 99);
        assertThat(EventSchemas.violations(event)).containsExactly("no published schema for AccountCreated v99");
    }

    @Test
    void usage_verified_names_its_usage_exactly_when_it_was_a_first_usage() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        for (UsageVerified wrong : java.util.List.of(new UsageVerified(id, id, id, UsageVerified.Basis.FIRST_USAGE, null, null, at),
                new UsageVerified(id, id, id, UsageVerified.Basis.UNMETERED, id, "api-calls", at))) {
            EventEnvelope event = new EventEnvelope(UUID.randomUUID(), UsageVerified.TYPE, 1, "/licenseflow/entitlement-service",
                    AggregateTypes.LICENSE, id.toString(), at, EventJson.MAPPER.valueToTree(wrong), "test-correlation");
            assertThat(EventSchemas.violations(event)).as(wrong.toString()).isNotEmpty();
        }
    }

    @Test
    void topic_follows_the_aggregate_type() {
        assertThat(Topics.ACCOUNT_EVENTS).isEqualTo("licenseflow.account.events");
    }
}
