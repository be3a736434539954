package io.licenseflow.entitlement.signing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An Ed25519 signing key as stored: its public half, its private half sealed, and when it signs and retires. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    /** The raw 32-byte public key, base64url (the JWK's {@code x}). */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    /** The PKCS#8 private key, sealed under licenseflow.signing.key-encryption-secret and bound to the kid. */
    @Column(name = "private_sealed", nullable = false)
    public String privateSealed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "signs_from", nullable = false)
    public Instant signsFrom;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_by")
    public String retiredBy;
}
