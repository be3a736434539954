package io.licenseflow.onboarding.offer;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The license types on offer, kept from entitlement-service's LicenseTypePublished events, so that an account asking
 * for a type that does not exist, or for seats the type does not allow, is refused at once (400) instead of failing
 * later in the saga. A type published a moment ago may not have arrived yet: until it does, it is refused here too
 * (400 unknown-license-type). The saga's UNKNOWN_LICENSE_TYPE failure is the other way round: this copy offers a type
 * that entitlement-service no longer knows; a retry with another type resumes it.
 */
@ApplicationScoped
public class LicenseTypeOffers {

    static final String CONSUMER = "onboarding-service.license-type-offers";

    private final EventRouting routing;

    public LicenseTypeOffers(ProcessedEvents processedEvents) {
        this.routing = processedEvents.routing(CONSUMER)
                .on(LicenseTypePublished.TYPE, LicenseTypePublished.SCHEMA_VERSION, LicenseTypePublished.class, this::record);
    }

    @Incoming("license-type-events")
    public Uni<Void> onLicenseTypeEvent(String value) {
        return routing.apply(value);
    }

    /** The offer of {@code name} that allows {@code seats}; refuses the request otherwise. Inside the caller's session. */
    public Uni<OfferedLicenseType> require(String name, Integer seats) {
        return OfferedLicenseType.<OfferedLicenseType>findById(name).map(offer -> {
            if (offer == null) {
                throw new ProblemException(Problem.of(ProblemCode.UNKNOWN_LICENSE_TYPE, "no license type named '" + name + "' is on offer",
                        List.of(new Problem.FieldError("licenseType", "is not a license type on offer"))));
            }
            String seatsProblem = offer.seatsProblem(seats);
            if (seatsProblem != null) {
                throw new ProblemException(ProblemCode.VALIDATION_FAILED, "seats", seatsProblem);
            }
            return offer;
        });
    }

    /** Versions may arrive out of order across partitions of other keys: an older version never replaces a newer one. */
    private Uni<?> record(EventEnvelope event, LicenseTypePublished published) {
        return OfferedLicenseType.<OfferedLicenseType>findById(published.name()).chain(existing -> {
            if (existing != null && existing.version >= published.version()) {
                return Uni.createFrom().voidItem();
            }
            OfferedLicenseType offer = existing != null ? existing : new OfferedLicenseType();
            offer.name = published.name();
            offer.licenseTypeId = published.licenseTypeId();
            offer.version = published.version();
            offer.displayName = published.definition().displayName();
            offer.seatLimit = published.definition().seats().limit();
            offer.seatMaxLimit = published.definition().seats().maxLimit();
            offer.updatedAt = Instant.now();
            return existing != null ? Uni.createFrom().item(offer) : offer.persist();
        });
    }
}
