package io.licenseflow.entitlement.license;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Licenses by type and status ({@code licenseflow_licenses}), and the share of seats in use per license type among
 * active licenses ({@code licenseflow_seat_utilisation}, 0–1). Read from the database every 30 s, so every replica
 * reports the same figures.
 */
@ApplicationScoped
public class LicenseMetrics {

    private final MultiGauge licenses;
    private final MultiGauge utilisation;

    public LicenseMetrics(MeterRegistry registry) {
        this.licenses = MultiGauge.builder("licenseflow.licenses").description("licenses by type and status").register(registry);
        this.utilisation = MultiGauge.builder("licenseflow.seat.utilisation").description("seats in use / seats, active licenses, per type")
                .register(registry);
    }

    @Scheduled(identity = "license-gauges", every = "${licenseflow.license.gauges-every:30s}", delayed = "5s")
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select l.licenseTypeName, l.status, count(l), sum(l.seatsUsed), sum(l.seatLimit) from License l group by l.licenseTypeName, l.status",
                        Object[].class).getResultList()))
                .invoke(rows -> {
                    List<MultiGauge.Row<?>> counts = new ArrayList<>();
                    Map<String, long[]> seats = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.add(MultiGauge.Row.of(Tags.of("type", (String) row[0], "status", row[1].toString()), ((Number) row[2]).doubleValue()));
                        if ("ACTIVE".equals(row[1].toString())) {
                            seats.put((String) row[0], new long[] {((Number) row[3]).longValue(), ((Number) row[4]).longValue()});
                        }
                    }
                    licenses.register(counts, true);
                    utilisation.register(seats.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("type", e.getKey()),
                            e.getValue()[1] == 0 ? 0 : (double) e.getValue()[0] / e.getValue()[1])).toList(), true);
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
