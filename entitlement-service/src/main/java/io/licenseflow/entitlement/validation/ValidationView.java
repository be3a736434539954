package io.licenseflow.entitlement.validation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each license's latest snapshot, by key hash: what validation answers from, without a database round trip. Kept by
 * {@link ViewRefresher}; a re-key moves a snapshot to its new hash, and the old key finds nothing.
 */
@ApplicationScoped
public class ValidationView {

    private final Map<String, LicenseSnapshot> byKeyHash = new ConcurrentHashMap<>();
    private final Map<UUID, LicenseSnapshot> byLicense = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public LicenseSnapshot findByKeyHash(String keyHash) {
        return byKeyHash.get(keyHash);
    }

    public LicenseSnapshot get(UUID licenseId) {
        return byLicense.get(licenseId);
    }

    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return byLicense.size();
    }

    /** Replaces what the view holds of one license; {@code snapshot} null when the license is gone. */
    synchronized void put(UUID licenseId, LicenseSnapshot snapshot) {
        LicenseSnapshot previous = snapshot == null ? byLicense.remove(licenseId) : byLicense.put(licenseId, snapshot);
        if (previous != null && (snapshot == null || !previous.keyHash().equals(snapshot.keyHash()))) {
            byKeyHash.remove(previous.keyHash());
        }
        if (snapshot != null) {
            byKeyHash.put(snapshot.keyHash(), snapshot);
        }
    }

    /** The rebuild: every license at once. */
    synchronized void load(Collection<LicenseSnapshot> snapshots) {
        byKeyHash.clear();
        byLicense.clear();
        snapshots.forEach(snapshot -> put(snapshot.licenseId(), snapshot));
        loaded = true;
    }
}
