package io.licenseflow.entitlement.activation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.licenseflow.entitlement.token.IssuedToken;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An activation as the API shows it; {@code heartbeatDeadline} tells a floating seat when it must check in. Answers to
 * an activation carry the machine's offline {@code licenseToken} (other reads do not).
 */
public record ActivationView(UUID id, UUID licenseId, UUID accountId, String fingerprint, String name, String platform,
        Map<String, String> metadata, ActivationStatus status, Instant activatedAt, Instant lastHeartbeatAt, Instant heartbeatDeadline,
        Instant deactivatedAt, String deactivationReason, @JsonInclude(JsonInclude.Include.NON_NULL) IssuedToken licenseToken) {

    public static ActivationView of(Activation a) {
        return of(a, null);
    }

    public static ActivationView of(Activation a, IssuedToken token) {
        return new ActivationView(a.id, a.licenseId, a.accountId, a.fingerprint, a.name, a.platform, a.metadata, a.status, a.activatedAt,
                a.lastHeartbeatAt, a.heartbeatDeadline, a.deactivatedAt, a.deactivationReason, token);
    }
}
