package io.licenseflow.commons.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a rate limit counts: with a token, its client ({@code azp}, else the subject); with the key alone, the source
 * address (the proxy's, unless quarkus.http.proxy settings trust it to forward the client's).
 */
public record RateLimitClient(String id) {

    public static RateLimitClient of(SecurityIdentity identity, String sourceAddress) {
        if (identity != null && !identity.isAnonymous()) {
            String client = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null
                    ? jwt.getClaim("azp").toString() : identity.getPrincipal().getName();
            return new RateLimitClient("client:" + client);
        }
        return new RateLimitClient("address:" + sourceAddress);
    }

    String describe() {
        return id.startsWith("client:") ? "client " + id.substring("client:".length()) : "address " + id.substring("address:".length());
    }
}
