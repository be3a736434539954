package io.licenseflow.entitlement.token;

import io.licenseflow.entitlement.activation.Activation;
import io.licenseflow.entitlement.license.License;
import io.licenseflow.entitlement.optout.OptOutLookup;
import io.licenseflow.entitlement.licensetype.LicenseTypeVersion;
import io.licenseflow.entitlement.signing.Signer;
import io.licenseflow.entitlement.signing.SigningKeys;
import io.licenseflow.entitlement.usage.MeterQuotas;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.verifier.LicenseClaims;
import io.licenseflow.verifier.MeterQuota;
import io.licenseflow.verifier.TokenClaims;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offline license tokens: a compact JWS (EdDSA, typ license+jwt) of the license as issued to one machine, with what may
 * not be collected from that machine and its account, valid for the type's check-in interval, signed by the current signing key. Claims as {@link TokenClaims} writes them, so that the
 * verifier library reads exactly what is issued.
 */
@ApplicationScoped
public class LicenseTokens {

    private final SigningKeys keys;
    private final OptOutLookup optOuts;
    private final String issuer;

    public LicenseTokens(SigningKeys keys, OptOutLookup optOuts, @ConfigProperty(name = "licenseflow.tokens.issuer") String issuer) {
        this.keys = keys;
        this.optOuts = optOuts;
        this.issuer = issuer;
    }

    /** A token for {@code activation} of {@code license}; inside the caller's session. */
    public Uni<IssuedToken> issue(License license, Activation activation) {
        return LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2", license.licenseTypeId, license.licenseTypeVersion)
                .firstResult()
                .onItem().ifNull().failWith(() -> new IllegalStateException("license " + license.id + " has no type version " + license.licenseTypeVersion))
                .map(type -> sign(license, activation, type.definition()));
    }

    private IssuedToken sign(License license, Activation activation, LicenseTypeDefinition type) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(Duration.parse(type.checkInInterval()));
        LicenseClaims claims = new LicenseClaims(license.id, license.accountId, license.licenseTypeName, license.licenseTypeVersion,
                List.copyOf(type.entitlements()), meters(type), license.expiry(), license.seatModel.name(), license.seatLimit, activation.id,
                activation.fingerprint, now, now, expiresAt, optOuts.of(license.accountId, activation.fingerprint, null));
        Signer signer = keys.current();
        return new IssuedToken(signer.licenseToken(TokenClaims.write(claims, issuer, UUID.randomUUID().toString()).toJson()), signer.kid(), expiresAt);
    }

    private static List<MeterQuota> meters(LicenseTypeDefinition type) {
        return type.usageRules() == null ? List.of() : type.usageRules().stream()
                .map(MeterQuotas::of)
                .toList();
    }
}
