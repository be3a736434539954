package io.licenseflow.onboarding.offer;

import static org.awaitility.Awaitility.await;

import io.licenseflow.events.Topics;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import java.time.Duration;
import java.util.UUID;

/** License types on offer, published as entitlement-service publishes them, and awaited in onboarding-service's projection. */
public final class TestOffers {

    /** Offered for the whole test run: 3 seats by default, up to 10. */
    public static final String STARTER = "test-starter";

    private TestOffers() {
    }

    public static String offered(String prefix, int limit, Integer maxLimit) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        offer(name, limit, maxLimit);
        return name;
    }

    public static void starterOffered() {
        offeredOnce(STARTER, 3, 10);
    }

    /** Offers {@code name} unless it is on offer already (topics and the projection outlive test runs). */
    public static void offeredOnce(String name, int limit, Integer maxLimit) {
        if (TestDatabase.count("onboarding", "SELECT count(*) FROM offered_license_type WHERE name = ?", name) == 0) {
            offer(name, limit, maxLimit);
        }
    }

    private static void offer(String name, int limit, Integer maxLimit) {
        TestKafka.publish(Topics.LICENSE_TYPE_EVENTS, TestEvents.licenseTypePublished(name, limit, maxLimit));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("onboarding", "SELECT count(*) FROM offered_license_type WHERE name = ?", name) == 1);
    }
}
