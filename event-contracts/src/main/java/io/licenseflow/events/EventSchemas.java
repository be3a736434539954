package io.licenseflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.events.license.LicenseActivated;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseExpiring;
import io.licenseflow.events.license.LicenseIssueRejected;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.license.MachineActivated;
import io.licenseflow.events.license.MachineDeactivated;
import io.licenseflow.events.license.UsageRecorded;
import io.licenseflow.events.license.UsageVerified;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import io.licenseflow.events.onboarding.OnboardingFailed;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStalled;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.optout.OptOutChanged;
import io.licenseflow.events.crm.CrmSyncDeadLettered;
import io.licenseflow.events.notice.NoticeFailed;
import io.licenseflow.events.optout.OptOutViolationCaught;
import io.licenseflow.events.optout.SubjectOptOutState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event (envelope and payload) against the published JSON Schemas. Product backends can use it
 * to check what they receive; our tests use it to check what we publish.
 */
public final class EventSchemas {

    /** Event type and schema version → payload schema resource. One row per published contract. */
    private static final Map<String, String> PAYLOAD_SCHEMAS = Map.ofEntries(
            schema(AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION, "account-created"),
            schema(LicenseTypePublished.TYPE, LicenseTypePublished.SCHEMA_VERSION, "license-type-published"),
            schema(OnboardingStarted.TYPE, OnboardingStarted.SCHEMA_VERSION, "onboarding-started"),
            schema(OnboardingRetried.TYPE, OnboardingRetried.SCHEMA_VERSION, "onboarding-retried"),
            schema(OnboardingProgressed.TYPE, OnboardingProgressed.SCHEMA_VERSION, "onboarding-progressed"),
            schema(OnboardingFailed.TYPE, OnboardingFailed.SCHEMA_VERSION, "onboarding-failed"),
            schema(OnboardingStalled.TYPE, OnboardingStalled.SCHEMA_VERSION, "onboarding-stalled"),
            schema(LicenseIssued.TYPE, LicenseIssued.SCHEMA_VERSION, "license-issued"),
            schema(LicenseIssueRejected.TYPE, LicenseIssueRejected.SCHEMA_VERSION, "license-issue-rejected"),
            schema(LicenseActivated.TYPE, LicenseActivated.SCHEMA_VERSION, "license-activated"),
            schema(MachineActivated.TYPE, MachineActivated.SCHEMA_VERSION, "machine-activated"),
            schema(MachineDeactivated.TYPE, MachineDeactivated.SCHEMA_VERSION, "machine-deactivated"),
            schema(UsageRecorded.TYPE, UsageRecorded.SCHEMA_VERSION, "usage-recorded"),
            schema(UsageVerified.TYPE, UsageVerified.SCHEMA_VERSION, "usage-verified"),
            schema(LicenseChanged.SUSPENDED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseChanged.REINSTATED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseChanged.REVOKED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseChanged.RENEWED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseChanged.CANCELLED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseChanged.EXPIRED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseChanged.REKEYED, LicenseChanged.SCHEMA_VERSION, "license-changed"),
            schema(LicenseExpiring.TYPE, LicenseExpiring.SCHEMA_VERSION, "license-expiring"),
            schema(LicenseKeyIssued.TYPE, LicenseKeyIssued.SCHEMA_VERSION, "license-key-issued"),
            schema(OptOutChanged.TYPE, OptOutChanged.SCHEMA_VERSION, "optout-changed"),
            schema(SubjectOptOutState.TYPE, SubjectOptOutState.SCHEMA_VERSION, "subject-optout-state"),
            schema(OptOutViolationCaught.TYPE, OptOutViolationCaught.SCHEMA_VERSION, "optout-violation-caught"),
            schema(NoticeFailed.TYPE, NoticeFailed.SCHEMA_VERSION, "notice-failed"),
            schema(CrmSyncDeadLettered.TYPE, CrmSyncDeadLettered.SCHEMA_VERSION, "crm-sync-dead-lettered"));

    private static final String ENVELOPE_SCHEMA = "schemas/envelope.v1.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Returns the violations, empty when the event matches its contract. */
    public static List<String> violations(JsonNode event) {
        List<String> problems = new ArrayList<>(validate(ENVELOPE_SCHEMA, event));
        if (!problems.isEmpty()) {
            return problems;
        }
        String schema = PAYLOAD_SCHEMAS.get(key(event.get("type").asText(), event.get("schemaVersion").asInt()));
        if (schema == null) {
            problems.add("no published schema for " + event.get("type").asText() + " v" + event.get("schemaVersion").asInt());
            return problems;
        }
        problems.addAll(validate(schema, event.get("payload")).stream().map(p -> "payload: " + p).toList());
        return problems;
    }

    /** The violations of a document that is not an event (e.g. "crm-account-record", version 1) against its published schema. */
    public static List<String> documentViolations(String schemaName, int version, JsonNode document) {
        return validate("schemas/" + schemaName + ".v" + version + ".json", document);
    }

    public static List<String> violations(EventEnvelope event) {
        return violations(EventJson.MAPPER.valueToTree(event));
    }

    private static List<String> validate(String resource, JsonNode node) {
        return LOADED.computeIfAbsent(resource, EventSchemas::load).validate(node).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return FACTORY.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map.Entry<String, String> schema(String type, int version, String file) {
        return Map.entry(key(type, version), "schemas/" + file + ".v" + version + ".json");
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
