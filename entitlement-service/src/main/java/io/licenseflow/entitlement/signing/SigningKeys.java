package io.licenseflow.entitlement.signing;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.secrets.SecretSeal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The service's Ed25519 signing keys, held in memory: the one that signs now, and the JWKS of all that verify.
 * Every replica reads them from the database at start and every {@code refresh-every}. A rotation adds a key that signs
 * only {@code publish-ahead} later, so that every replica publishes it before any signs with it; a retired key leaves
 * the JWKS, and what it signed stops verifying. The first replica to start with no key creates one.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final SigningSettings settings;
    private final SecretSeal seal;
    private volatile List<PublishedKey> published = List.of();
    private volatile String jwks = "{\"keys\":[]}";

    public SigningKeys(SigningSettings settings) {
        this.settings = settings;
        this.seal = new SecretSeal(settings.keyEncryptionSecret(), "licenseflow.signing.key-encryption-secret", "kid");
        if (settings.publishAhead().compareTo(settings.refreshEvery().multipliedBy(2)) < 0) {
            throw new IllegalStateException("licenseflow.signing.publish-ahead (" + settings.publishAhead() + ") must be at least twice "
                    + "licenseflow.signing.refresh-every (" + settings.refreshEvery() + "): replicas must publish a new key before any signs with it");
        }
    }

    void start(@Observes StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::createFirstKeyIfNone).chain(() -> Panache.withSession(this::reload)));
    }

    @Scheduled(identity = "signing-key-refresh", every = "${licenseflow.signing.refresh-every}", delayed = "${licenseflow.signing.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(this::reload)
                .onFailure().invoke(e -> LOG.warnf("reading the signing keys failed, keeping the ones read before: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** The key that signs now: of the published keys whose time has come, the newest. */
    public Signer current() {
        Instant now = Instant.now();
        List<PublishedKey> keys = published;
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (!keys.get(i).signsFrom().isAfter(now)) {
                return keys.get(i).signer();
            }
        }
        throw new IllegalStateException("no signing key signs yet");
    }

    /** The JWKS (RFC 7517) of every key that is not retired, the ones that will sign soon included. */
    public String jwks() {
        return jwks;
    }

    /**
     * A new key, signing from {@code publish-ahead} from now; the others verify until retired. Refused while a rotated-in
     * key does not sign yet, so that a retried or doubled rotation adds no second key.
     */
    public Uni<SigningKey> rotate(String by) {
        return Panache.withTransaction(() -> lockKeys()
                        .chain(() -> SigningKey.<SigningKey>find("retiredAt is null order by signsFrom desc, createdAt desc").<SigningKey>firstResult())
                        .chain(newest -> {
                            if (newest != null && newest.signsFrom.isAfter(Instant.now())) {
                                throw new ProblemException(ProblemCode.ROTATION_PENDING, "key " + newest.kid + " was rotated in and signs from "
                                        + newest.signsFrom + ": rotate again after that");
                            }
                            return create(Instant.now().plus(settings.publishAhead()).truncatedTo(ChronoUnit.MICROS), by);
                        }))
                .call(created -> Panache.withSession(this::reload))
                .invoke(created -> LOG.infof("signing key %s rotated in by %s: published now, signs from %s", created.kid, by, created.signsFrom));
    }

    /** Retires a key: it leaves the JWKS. The key that signs now cannot be retired. */
    public Uni<SigningKey> retire(String kid, String by) {
        return Panache.withTransaction(() -> SigningKey.<SigningKey>findById(kid).map(key -> {
            if (key == null) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no signing key " + kid);
            }
            if (key.retiredAt != null) {
                return key;
            }
            if (kid.equals(current().kid())) {
                throw new ProblemException(ProblemCode.SIGNING_KEY_IN_USE, "key " + kid
                        + " signs now: rotate first, and retire it once the new key signs");
            }
            key.retiredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            key.retiredBy = by;
            return key;
        })).call(retired -> Panache.withSession(this::reload))
                .invoke(retired -> LOG.infof("signing key %s retired by %s", retired.kid, by));
    }

    /** Which state {@code key} is in now. */
    public String stateOf(SigningKey key) {
        if (key.retiredAt != null) {
            return "RETIRED";
        }
        if (key.signsFrom.isAfter(Instant.now())) {
            return "PUBLISHED";
        }
        return key.kid.equals(current().kid()) ? "SIGNING" : "VERIFYING";
    }

    /** The public JWK of a stored key. */
    public static Map<String, Object> publicJwk(SigningKey key) {
        Map<String, Object> jwk = new java.util.LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", key.publicKey);
        jwk.put("kid", key.kid);
        jwk.put("alg", AlgorithmIdentifiers.EDDSA);
        jwk.put("use", "sig");
        return jwk;
    }

    /** One transaction at a time adds keys, so that replicas starting together create one, and rotations do not race. */
    private static Uni<Object> lockKeys() {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('signing_key'))")
                .getSingleResult());
    }

    private Uni<Void> createFirstKeyIfNone() {
        return lockKeys()
                .chain(() -> SigningKey.count("retiredAt is null"))
                .chain(count -> count > 0 ? Uni.createFrom().voidItem()
                        : create(Instant.now().truncatedTo(ChronoUnit.MICROS), "entitlement-service (first start)")
                                .invoke(key -> LOG.infof("created the first signing key %s", key.kid)).replaceWithVoid());
    }

    private Uni<SigningKey> create(Instant signsFrom, String by) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            return Uni.createFrom().failure(new IllegalStateException("this JDK cannot make Ed25519 keys", e));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SigningKey key = new SigningKey();
        key.kid = "lf-" + now.toString().substring(0, 10).replace("-", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        key.publicKey = x(pair);
        key.privateSealed = seal.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), key.kid);
        key.createdAt = now;
        key.createdBy = by;
        key.signsFrom = signsFrom.isBefore(now) ? now : signsFrom;
        return key.persist();
    }

    private Uni<Void> reload() {
        return SigningKey.<SigningKey>list("retiredAt is null order by signsFrom, kid").invoke(keys -> {
            List<PublishedKey> opened = new ArrayList<>();
            List<JsonWebKey> jwkList = new ArrayList<>();
            for (SigningKey key : keys) {
                try {
                    PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(seal.open(key.privateSealed, key.kid))));
                    JsonWebKey jwk = JsonWebKey.Factory.newJwk(publicJwk(key));
                    opened.add(new PublishedKey(key.kid, ((OctetKeyPairJsonWebKey) jwk).getPublicKey(), privateKey, key.signsFrom));
                    jwkList.add(jwk);
                } catch (GeneralSecurityException | JoseException | RuntimeException e) {
                    throw new IllegalStateException("signing key " + key.kid + " does not open with licenseflow.signing.key-encryption-secret", e);
                }
            }
            opened.sort(Comparator.comparing(PublishedKey::signsFrom));
            published = List.copyOf(opened);
            jwks = new JsonWebKeySet(jwkList).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }).replaceWithVoid();
    }

    private static String x(KeyPair pair) {
        try {
            return (String) JsonWebKey.Factory.newJwk(pair.getPublic()).toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).get("x");
        } catch (JoseException e) {
            throw new IllegalStateException("cannot encode an Ed25519 public key", e);
        }
    }
}
