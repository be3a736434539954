package io.licenseflow.entitlement.licensetype;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The vendor's license types. Publishing a changed definition makes a new version (and a LicenseTypePublished event
 * in the same transaction); an identical one changes nothing. Issued licenses keep the version they were issued under.
 */
@ApplicationScoped
public class LicenseTypeCatalog {

    private static final Logger LOG = Logger.getLogger(LicenseTypeCatalog.class);

    /** What a publish did. */
    public record Published(LicenseTypeVersion version, boolean created, boolean changed) {
    }

    private final Outbox outbox;

    public LicenseTypeCatalog(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Creates a license type; 409 {@code license-type-exists} when the name is taken. */
    @WithTransaction
    public Uni<Published> create(LicenseTypeDefinition raw, String actor) {
        LicenseTypeDefinition definition = LicenseTypeRules.normalized(raw);
        return LicenseType.<LicenseType>find("name", definition.name()).firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        throw new ProblemException(ProblemCode.LICENSE_TYPE_EXISTS,
                                "license type '" + definition.name() + "' exists; PUT /v1/license-types/" + definition.name() + " publishes a new version");
                    }
                    return createType(definition, actor);
                });
    }

    /** Creates the type, or publishes a new version when the definition differs from the current one. */
    @WithTransaction
    public Uni<Published> publish(String name, LicenseTypeDefinition raw, String actor) {
        if (raw != null && raw.name() != null && !raw.name().equals(name)) {
            throw new ProblemException(ProblemCode.VALIDATION_FAILED, "name", "must equal the name in the path ('" + name + "'); a license type cannot be renamed");
        }
        LicenseTypeDefinition definition = LicenseTypeRules.normalized(raw == null ? null : withName(raw, name));
        return LicenseType.<LicenseType>find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(type -> type == null ? createType(definition, actor) : newVersionIfChanged(type, definition, actor));
    }

    @WithSession
    public Uni<LicenseTypeVersion> current(String name) {
        return LicenseType.<LicenseType>find("name", name).firstResult()
                .onItem().ifNull().failWith(() -> notFound(name))
                .chain(type -> LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2", type.id, type.currentVersion)
                        .firstResult());
    }

    /** The current version of {@code name}, or null; inside the caller's session. */
    public Uni<LicenseTypeVersion> findCurrent(String name) {
        return LicenseType.<LicenseType>find("name", name).firstResult()
                .chain(type -> type == null ? Uni.createFrom().nullItem()
                        : LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2", type.id, type.currentVersion).firstResult());
    }

    @WithSession
    public Uni<LicenseTypeVersion> version(String name, int version) {
        return LicenseTypeVersion.<LicenseTypeVersion>find("name = ?1 and version = ?2", name, version).firstResult()
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "license type '" + name + "' has no version " + version));
    }

    private Uni<Published> createType(LicenseTypeDefinition definition, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LicenseType type = new LicenseType();
        type.id = UUID.randomUUID();
        type.name = definition.name();
        type.currentVersion = 1;
        type.createdAt = now;
        type.updatedAt = now;
        return type.persist().chain(() -> publishVersion(type, definition, actor, now)).map(v -> new Published(v, true, true));
    }

    private Uni<Published> newVersionIfChanged(LicenseType type, LicenseTypeDefinition definition, String actor) {
        return LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2", type.id, type.currentVersion).firstResult()
                .chain(current -> {
                    if (current.definition().equals(definition)) {
                        return Uni.createFrom().item(new Published(current, false, false));
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    type.currentVersion++;
                    type.updatedAt = now;
                    return publishVersion(type, definition, actor, now).map(v -> new Published(v, false, true));
                });
    }

    private Uni<LicenseTypeVersion> publishVersion(LicenseType type, LicenseTypeDefinition definition, String actor, Instant now) {
        LicenseTypeVersion version = new LicenseTypeVersion();
        version.id = UUID.randomUUID();
        version.licenseTypeId = type.id;
        version.name = type.name;
        version.version = type.currentVersion;
        version.definition = json(definition);
        version.publishedAt = now;
        version.publishedBy = actor;
        version.createdAt = now;
        LOG.infof("publishing license type %s version %d", type.name, version.version);
        return version.<LicenseTypeVersion>persist()
                .call(() -> outbox.publish(AggregateTypes.LICENSE_TYPE, type.id.toString(), LicenseTypePublished.TYPE,
                        LicenseTypePublished.SCHEMA_VERSION,
                        new LicenseTypePublished(type.id, type.name, version.version, definition, now, actor)));
    }

    static ProblemException notFound(String name) {
        return new ProblemException(ProblemCode.NOT_FOUND, "no license type named '" + name + "'");
    }

    private static LicenseTypeDefinition withName(LicenseTypeDefinition raw, String name) {
        return new LicenseTypeDefinition(name, raw.displayName(), raw.duration(), raw.gracePeriod(), raw.expirationBehaviour(),
                raw.entitlements(), raw.usageRules(), raw.seats(), raw.checkInInterval());
    }

    private static String json(LicenseTypeDefinition definition) {
        try {
            return EventJson.MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
