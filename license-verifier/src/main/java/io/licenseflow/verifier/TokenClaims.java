package io.licenseflow.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/**
 * The claims of a license token, both ways: what the issuer writes and what {@link LicenseVerifier} reads, so that
 * the format has one definition. Registered claims {@code iss sub jti iat nbf exp}; the license in {@code license},
 * the machine in {@code machine}, what may not be collected in {@code optouts}; times inside them are RFC 3339 strings (docs/validation.md shows one decoded).
 */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** The claims of a token for {@code license}, issued by {@code issuer}. */
    public static JwtClaims write(LicenseClaims license, String issuer, String tokenId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(license.licenseId().toString());
        claims.setJwtId(tokenId);
        claims.setIssuedAt(NumericDate.fromSeconds(license.issuedAt().getEpochSecond()));
        claims.setNotBefore(NumericDate.fromSeconds(license.notBefore().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(license.tokenExpiresAt().getEpochSecond()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", license.licenseId().toString());
        body.put("accountId", license.accountId().toString());
        body.put("type", license.type());
        body.put("typeVersion", license.typeVersion());
        body.put("entitlements", license.entitlements());
        List<Map<String, Object>> meters = new ArrayList<>();
        for (MeterQuota meter : license.meters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("meter", meter.meter());
            m.put("quota", meter.quota());
            m.put("period", meter.period());
            m.put("overage", meter.overage());
            if (meter.overageFactor() != null) {
                m.put("overageFactor", meter.overageFactor());
            }
            meters.add(m);
        }
        body.put("meters", meters);
        Expiry expiry = license.expiry();
        body.put("expiresAt", expiry.expiresAt() == null ? null : expiry.expiresAt().toString());
        body.put("gracePeriod", expiry.gracePeriod());
        body.put("expirationBehaviour", expiry.maintainsAccess() ? "MAINTAIN_ACCESS" : "RESTRICT_ACCESS");
        body.put("renewsAutomatically", expiry.renewsAutomatically());
        body.put("seats", Map.of("model", license.seatModel(), "limit", license.seatLimit()));
        claims.setClaim("license", body);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("activationId", license.activationId().toString());
        machine.put("fingerprint", license.fingerprint());
        claims.setClaim("machine", machine);
        if (license.optOuts() != null) {
            claims.setClaim("optouts", optOuts(license.optOuts()));
        }
        return claims;
    }

    private static Map<String, Object> optOuts(OptOuts o) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("optedOut", o.optedOut());
        body.put("account", subject(o.account()));
        if (o.machine() != null) {
            body.put("machine", subject(o.machine()));
        }
        if (o.user() != null) {
            body.put("user", subject(o.user()));
        }
        body.put("subjectDefaults", o.subjectDefaults());
        return body;
    }

    private static Map<String, Object> subject(OptOuts.Subject s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("version", s.version());
        body.put("optedOut", s.optedOut());
        return body;
    }

    private static OptOuts readOptOuts(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> o = object(value, "optouts");
        return new OptOuts(strings(o.get("optedOut"), "optouts.optedOut"), readSubject(o.get("account"), "optouts.account"),
                o.get("machine") == null ? null : readSubject(o.get("machine"), "optouts.machine"),
                o.get("user") == null ? null : readSubject(o.get("user"), "optouts.user"), strings(o.get("subjectDefaults"), "optouts.subjectDefaults"));
    }

    private static OptOuts.Subject readSubject(Object value, String name) {
        Map<String, Object> s = object(value, name);
        return new OptOuts.Subject(string(s, "id"), number(s, "version").longValue(), strings(s.get("optedOut"), name + ".optedOut"));
    }

    private static List<String> strings(Object value, String name) {
        List<String> strings = new ArrayList<>();
        for (Object item : list(value, name)) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException(name + " holds a non-string");
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    /** The license a verified token states; throws when a claim is missing or of the wrong kind. */
    static LicenseClaims read(JwtClaims claims) throws MalformedClaimException {
        Map<String, Object> license = object(claims.getClaimValue("license"), "license");
        Map<String, Object> machine = object(claims.getClaimValue("machine"), "machine");
        Map<String, Object> seats = object(license.get("seats"), "license.seats");
        UUID licenseId = UUID.fromString(string(license, "id"));
        if (!licenseId.toString().equals(claims.getSubject())) {
            throw new IllegalArgumentException("sub is not the license id");
        }
        List<MeterQuota> meters = new ArrayList<>();
        for (Object item : list(license.get("meters"), "license.meters")) {
            Map<String, Object> m = object(item, "license.meters[]");
            Object factor = m.get("overageFactor");
            meters.add(new MeterQuota(string(m, "meter"), number(m, "quota").longValue(), string(m, "period"), string(m, "overage"),
                    factor == null ? null : ((Number) factor).doubleValue()));
        }
        List<String> entitlements = new ArrayList<>();
        for (Object item : list(license.get("entitlements"), "license.entitlements")) {
            entitlements.add((String) item);
        }
        Object expiresAt = license.get("expiresAt");
        Expiry expiry = new Expiry(expiresAt == null ? null : Instant.parse((String) expiresAt), string(license, "gracePeriod"),
                "MAINTAIN_ACCESS".equals(string(license, "expirationBehaviour")), Boolean.TRUE.equals(license.get("renewsAutomatically")));
        return new LicenseClaims(licenseId, UUID.fromString(string(license, "accountId")), string(license, "type"),
                number(license, "typeVersion").intValue(), List.copyOf(entitlements), List.copyOf(meters), expiry, string(seats, "model"),
                number(seats, "limit").intValue(), UUID.fromString(string(machine, "activationId")), string(machine, "fingerprint"),
                instant(claims.getIssuedAt(), "iat"), instant(claims.getNotBefore(), "nbf"), instant(claims.getExpirationTime(), "exp"),
                readOptOuts(claims.getClaimValue("optouts")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String name) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(name + " is not an object");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String name) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException(name + " is not an array");
        }
        return items;
    }

    private static String string(Map<String, Object> object, String name) {
        if (!(object.get(name) instanceof String value)) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return value;
    }

    private static Number number(Map<String, Object> object, String name) {
        if (!(object.get(name) instanceof Number value)) {
            throw new IllegalArgumentException(name + " is not a number");
        }
        return value;
    }

    private static Instant instant(NumericDate date, String name) {
        if (date == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return Instant.ofEpochSecond(date.getValue());
    }
}
