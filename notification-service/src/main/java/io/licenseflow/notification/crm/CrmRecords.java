package io.licenseflow.notification.crm;

import io.licenseflow.events.crm.CrmAccountRecord;
import io.licenseflow.notification.account.AccountOnboarding;
import io.licenseflow.notification.account.Recipient;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.licenseflow.notification.license.LicenseTypeName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** An account's CRM record as it stands now, from what this service follows (call within a session). */
@ApplicationScoped
public class CrmRecords {

    public Uni<CrmAccountRecord> current(UUID accountId) {
        return Recipient.<Recipient>findById(accountId).chain(recipient -> AccountOnboarding.<AccountOnboarding>findById(accountId)
                .chain(onboarding -> LicenseSnapshot.<LicenseSnapshot>list("accountId = ?1 order by startsAt, id", accountId)
                        .chain(licenses -> LicenseTypeName.displayNames(licenses).map(names -> new CrmAccountRecord(accountId,
                                recipient == null ? null : recipient.name, recipient == null ? null : recipient.email,
                                recipient == null ? null : recipient.locale,
                                onboarding == null ? null : new CrmAccountRecord.Onboarding(onboarding.onboardingId, onboarding.status, onboarding.step,
                                        onboarding.reason, onboarding.updatedAt),
                                licenses.stream().map(l -> new CrmAccountRecord.License(l.id, l.licenseType, names.getOrDefault(l.licenseType, l.licenseType),
                                        l.status, l.startsAt, l.expiresAt, l.seatLimit, l.seatsUsed, l.keyPrefix)).toList(),
                                Instant.now().truncatedTo(ChronoUnit.MILLIS))))));
    }
}
