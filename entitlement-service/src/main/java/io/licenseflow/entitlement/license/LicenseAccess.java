package io.licenseflow.entitlement.license;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.entitlement.key.LicenseKey;
import io.licenseflow.entitlement.key.LicenseKeyHasher;
import io.licenseflow.commons.ratelimit.RateLimitClient;
import io.licenseflow.commons.ratelimit.RateLimiter;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may use a license through its key: the key is a credential of its own (a product on an end user's machine has no
 * token), as in Keygen's license-key authentication. A caller who also sends a token must be allowed by it: vendor
 * staff for any license, a customer for their own account's only. Endpoints that take a key permit anonymous calls, so
 * the caller's identity is resolved here, without blocking.
 */
@ApplicationScoped
public class LicenseAccess {

    /** The scheme of {@code Authorization: License <key>}, for endpoints without a body to carry the key. */
    public static final String LICENSE_SCHEME = "License ";

    /** The caller of a key-authenticated request: anonymous (the key alone), or a token's identity. */
    public record Caller(SecurityIdentity identity) {

        public boolean anonymous() {
            return identity.isAnonymous();
        }

        /** The OAuth client (azp) of the token; null when the key alone was the credential. */
        public String client() {
            return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null ? jwt.getClaim("azp").toString() : null;
        }

        /** With a token, the caller must be allowed by it; without one, the key was the credential. */
        public void checkMayUse(License license) {
            if (!mayUse(license)) {
                throw new ForbiddenException("your token does not allow using this license");
            }
        }

        /** Vendor staff may use any license, a customer its own account's; with no token, whoever holds the key. */
        public boolean mayUse(License license) {
            return mayUseLicenseOf(license.accountId);
        }

        /** Staff and product backends (the service role) any account's licenses, a customer its own's, no token any. */
        public boolean mayUseLicenseOf(UUID accountId) {
            if (anonymous()) {
                return true;
            }
            boolean staff = identity.hasRole("admin") || identity.hasRole("operator") || identity.hasRole("service");
            return staff || identity.hasRole("customer") && identity.getPrincipal() instanceof JsonWebToken jwt
                    && accountId.toString().equals(jwt.getClaim(AccountAccess.ACCOUNT_CLAIM));
        }
    }

    private final LicenseKeyHasher hasher;
    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;
    private final CurrentVertxRequest request;

    public LicenseAccess(LicenseKeyHasher hasher, CurrentIdentityAssociation identities, RateLimiter limiter, CurrentVertxRequest request) {
        this.hasher = hasher;
        this.identities = identities;
        this.limiter = limiter;
        this.request = request;
    }

    public Uni<Caller> caller() {
        return identities.getDeferredIdentity().map(Caller::new);
    }

    /**
     * A call that presents {@code typedKey} (validation, activation, usage) within the rate limits of its client and
     * key (429 otherwise); {@code call} runs for the admitted caller, and a key that opens no license counts against
     * the client's unknown-key budget.
     */
    public <T> Uni<T> keyCall(String typedKey, Function<Caller, Uni<T>> call) {
        return caller().chain(caller -> {
            RateLimitClient client = RateLimitClient.of(caller.identity(), sourceAddress());
            limiter.admit(client, typedKey);
            return call.apply(caller).onFailure(ProblemException.class).invoke(e -> {
                String code = ((ProblemException) e).problem().code();
                if (code.equals(ProblemCode.MALFORMED_KEY.code()) || code.equals(ProblemCode.NOT_FOUND.code())) {
                    limiter.unknownKey(client);
                }
            });
        });
    }

    /** The caller's rate-limit identity, for calls that judge the key themselves (validation answers 200). */
    public Uni<RateLimitClient> admitted(Caller caller, String typedKey) {
        RateLimitClient client = RateLimitClient.of(caller.identity(), sourceAddress());
        limiter.admit(client, typedKey);
        return Uni.createFrom().item(client);
    }

    public void unknownKey(RateLimitClient client) {
        limiter.unknownKey(client);
    }

    private String sourceAddress() {
        var current = request.getCurrent();
        return current == null || current.request().remoteAddress() == null ? "unknown" : current.request().remoteAddress().hostAddress();
    }

    /**
     * The license the typed key opens, locked as asked, for a caller who may use it; 400 {@code malformed-key} for
     * something that cannot be a key (checked before any lookup), 404 when no license has it.
     */
    public Uni<License> open(String typedKey, LockModeType lock, Caller caller) {
        LicenseKey key = LicenseKey.parse(typedKey).orElseThrow(() -> new ProblemException(ProblemCode.MALFORMED_KEY, "key",
                "is not a license key (LF- and seven groups of four letters and digits): check it for typos"));
        return License.<License>find("keyHash", hasher.hash(key)).withLock(lock).firstResult()
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "no license has this key"))
                .invoke(caller::checkMayUse);
    }

    /** The key of {@code Authorization: License <key>}, or null. */
    public static String keyFromAuthorization(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, LICENSE_SCHEME, 0, LICENSE_SCHEME.length())
                ? authorization.substring(LICENSE_SCHEME.length()).strip() : null;
    }
}
