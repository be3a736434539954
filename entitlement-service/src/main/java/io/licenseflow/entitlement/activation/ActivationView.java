package io.licenseflow.entitlement.activation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An activation as the API shows it; {@code heartbeatDeadline} tells a floating seat when it must check in. */
public record ActivationView(UUID id, UUID licenseId, UUID accountId, String fingerprint, String name, String platform,
        Map<String, String> metadata, ActivationStatus status, Instant activatedAt, Instant lastHeartbeatAt, Instant heartbeatDeadline,
        Instant deactivatedAt, String deactivationReason) {

    public static ActivationView of(Activation a) {
        return new ActivationView(a.id, a.licenseId, a.accountId, a.fingerprint, a.name, a.platform, a.metadata, a.status, a.activatedAt,
                a.lastHeartbeatAt, a.heartbeatDeadline, a.deactivatedAt, a.deactivationReason);
    }
}
