package io.licenseflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.events.license.LicenseActivated;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseExpiring;
import io.licenseflow.events.license.LicenseIssueRejected;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.license.MachineActivated;
import io.licenseflow.events.license.MachineDeactivated;
import io.licenseflow.events.license.UsageRecorded;
import io.licenseflow.events.license.UsageVerified;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.Seats;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import io.licenseflow.events.onboarding.OnboardingFailed;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStalled;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.licenseflow.events.optout.OptOutChanged;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.events.crm.CrmSyncDeadLettered;
import io.licenseflow.events.notice.NoticeFailed;
import io.licenseflow.events.optout.OptOutViolationCaught;
import io.licenseflow.events.optout.SubjectOptOutState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each payload record, filled as its producer fills it, matches its published schema: the Java and JSON contracts agree. */
class EveryContractTest {

    private static final UUID ID = UUID.fromString("5b0c7a8e-0f55-4a52-9c59-1b2ef3c7b9a1");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123456Z");

    static Stream<Arguments> payloads() {
        LicenseTypeDefinition definition = new LicenseTypeDefinition("team-annual", "Team (annual)",
                new LicenseDuration(LicenseDuration.Kind.FIXED_TERM, "P1Y"), "P14D", LicenseTypeDefinition.ExpirationBehaviour.MAINTAIN_ACCESS,
                List.of("core", "sso"), List.of(new UsageRule("api-calls", 1000L, UsageRule.QuotaPeriod.MONTH, UsageRule.Overage.ALLOW_AND_FLAG, 1.5)),
                new Seats(Seats.Model.FLOATING, 10, 50, "PT10M"), "P7D");
        return Stream.of(
                Arguments.of(AccountCreated.TYPE, new AccountCreated(ID, "Acme", "ops@acme.example.com", AT, "de")),
                Arguments.of(AccountCreated.TYPE, new AccountCreated(ID, "Acme", "ops@acme.example.com", AT, null)),
                Arguments.of(LicenseTypePublished.TYPE, new LicenseTypePublished(ID, "team-annual", 2, definition, AT, "admin")),
                Arguments.of(OnboardingStarted.TYPE, new OnboardingStarted(ID, ID, "team-annual", null, 1, AT, "operator")),
                Arguments.of(OnboardingRetried.TYPE, new OnboardingRetried(ID, ID, OnboardingStep.KEY_ASSIGNED, "team-annual", 5, 2, AT, "admin")),
                Arguments.of(OnboardingProgressed.TYPE, new OnboardingProgressed(ID, ID, OnboardingStep.ACTIVATED, OnboardingStep.KEY_ASSIGNED, ID, ID,
                        LicenseActivated.TYPE, AT)),
                Arguments.of(OnboardingFailed.TYPE, new OnboardingFailed(ID, ID, OnboardingStep.KEY_ASSIGNED, "UNKNOWN_LICENSE_TYPE", "no type 'x'", 1, AT)),
                Arguments.of(OnboardingStalled.TYPE, new OnboardingStalled(ID, ID, OnboardingStep.ACTIVATED, AT, AT)),
                Arguments.of(LicenseIssued.TYPE, new LicenseIssued(ID, ID, ID, "team-annual", 2, LicenseStatus.ACTIVE, 10, AT, AT, "LF-7Q2M", AT)),
                Arguments.of(LicenseIssued.TYPE, new LicenseIssued(ID, ID, null, "perpetual-desktop", 1, LicenseStatus.ACTIVE, 1, AT, null, "LF-0000", AT)),
                Arguments.of(LicenseIssueRejected.TYPE, new LicenseIssueRejected(ID, ID, 1, LicenseIssueRejected.SEATS_NOT_ALLOWED, "at most 50", AT)),
                Arguments.of(LicenseActivated.TYPE, new LicenseActivated(ID, ID, ID, ID, AT)),
                Arguments.of(MachineActivated.TYPE, new MachineActivated(ID, ID, ID, "fp-1", "build-01", "linux-x86_64", 1, 10, AT)),
                Arguments.of(MachineDeactivated.TYPE, new MachineDeactivated(ID, ID, ID, MachineDeactivated.HEARTBEAT_DEAD, 0, AT)),
                Arguments.of(UsageRecorded.TYPE, new UsageRecorded(ID, ID, ID, ID, "api-calls", 5, AT, AT, 1005, 1000, true, AT)),
                Arguments.of(UsageVerified.TYPE, UsageVerified.firstUsage(ID, ID, ID, ID, "api-calls", AT)),
                Arguments.of(UsageVerified.TYPE, UsageVerified.unmetered(ID, ID, null, AT)),
                Arguments.of(LicenseChanged.RENEWED, new LicenseChanged(ID, ID, LicenseStatus.ACTIVE, AT, AT, "LF-7Q2M", "system", null, AT)),
                Arguments.of(LicenseChanged.SUSPENDED, new LicenseChanged(ID, ID, LicenseStatus.SUSPENDED, null, null, "LF-7Q2M", "admin", "unpaid", AT)),
                Arguments.of(LicenseExpiring.TYPE, new LicenseExpiring(ID, ID, "team-annual", AT, AT)),
                Arguments.of(LicenseKeyIssued.TYPE, new LicenseKeyIssued(ID, ID, "notification-service", "aa.bb.cc.dd.ee", "LF-7Q2M", "ISSUED", AT)),
                Arguments.of(OptOutChanged.TYPE, new OptOutChanged(ID, new OptOutSubject("user", "u:42"), "telemetry", true, false, "DEFAULT", "api", "US-CA", AT, 3, 17)),
                Arguments.of(SubjectOptOutState.TYPE, new SubjectOptOutState(ID, new OptOutSubject("machine", "fp-1"), 2, "DE", List.of("telemetry"),
                        List.of(new SubjectOptOutState.PurposeState("telemetry", true, "CHOICE", "portal", AT),
                                new SubjectOptOutState.PurposeState("crash-reports", false, "DEFAULT", null, null)), null, AT)),
                Arguments.of(SubjectOptOutState.TYPE, new SubjectOptOutState(ID, new OptOutSubject("account", ID.toString()), 0, "US-CA", List.of(),
                        List.of(), List.of("sale-or-sharing"), AT)),
                Arguments.of(OptOutViolationCaught.TYPE, new OptOutViolationCaught(ID, ID, new OptOutSubject("user", "u-1"), "usage-analytics",
                        OptOutViolationCaught.ANONYMISED, "api-calls", 4, "licenseflow-backend", AT)),
                Arguments.of(NoticeFailed.TYPE, new NoticeFailed(ID, ID, ID, "license-details", 1, ID, LicenseKeyIssued.TYPE, "ops@acme.example.com",
                        true, 550, "550 5.1.1 mailbox unavailable", 1, AT)),
                Arguments.of(NoticeFailed.TYPE, new NoticeFailed(ID, ID, null, "onboarding-completed", 1, ID, OnboardingProgressed.TYPE, null,
                        false, null, "no recipient known for the account", 12, AT)),
                Arguments.of(CrmSyncDeadLettered.TYPE, new CrmSyncDeadLettered(ID, "hubspot", true, 400, "400 Property values were not valid", 1,
                        CrmTestRecords.full(ID, AT), AT)),
                Arguments.of(CrmSyncDeadLettered.TYPE, new CrmSyncDeadLettered(ID, "webhook", false, null, "connection refused", 14,
                        CrmTestRecords.bare(ID, AT), AT)));
    }

    @org.junit.jupiter.api.Test
    void crm_account_records_match_their_schema() throws Exception {
        assertThat(EventSchemas.documentViolations("crm-account-record", 1, EventJson.MAPPER.valueToTree(CrmTestRecords.full(ID, AT)))).isEmpty();
        assertThat(EventSchemas.documentViolations("crm-account-record", 1, EventJson.MAPPER.valueToTree(CrmTestRecords.bare(ID, AT)))).isEmpty();
        assertThat(EventSchemas.documentViolations("crm-account-record", 1, EventJson.MAPPER.readTree("{\"accountId\": \"x\"}"))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void matches_its_schema(String type, Object payload) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), type, 1, "/licenseflow/test", "license", ID.toString(), AT,
                EventJson.MAPPER.valueToTree(payload), "corr-1");
        assertThat(EventSchemas.violations(event)).isEmpty();
    }
}
