package io.licenseflow.notification.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What support staff need to answer a customer: the account, its onboarding, its licenses and its latest notices. */
@Schema(name = "CustomerStatus")
public record CustomerStatus(Account account, Onboarding onboarding, List<License> licenses, List<RecentNotice> recentNotices) {

    @Schema(name = "CustomerStatusAccount")
    public record Account(UUID id, String name, String contactEmail, String locale) {
    }

    @Schema(name = "CustomerStatusOnboarding", description = "null when no onboarding event was seen for the account")
    public record Onboarding(UUID onboardingId, @Schema(enumeration = {"in-progress", "completed", "failed", "stalled"}) String status,
            @Schema(examples = "ACTIVATED") String step, String reason, Instant updatedAt) {
    }

    @Schema(name = "CustomerStatusLicense")
    public record License(UUID id, @Schema(examples = "team-annual") String licenseType, @Schema(examples = "Team (annual)") String typeName,
            @Schema(enumeration = {"ACTIVE", "SUSPENDED", "REVOKED", "EXPIRED"}) String status, int seatLimit, int seatsUsed, Instant startsAt,
            @Schema(description = "null for a perpetual license") Instant expiresAt, @Schema(examples = "LF-7Q2M") String keyPrefix, Instant updatedAt) {
    }

    @Schema(name = "CustomerStatusNotice")
    public record RecentNotice(UUID id, String template, String status, Instant createdAt, Instant sentAt, String lastError) {
    }
}
