package io.licenseflow.e2e;

import io.licenseflow.testing.ServiceProcess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four packaged services, started once for all end-to-end test classes of this JVM (each start costs seconds)
 * and stopped when it ends. Configured as ./licenseflow up configures them, against the test stack.
 */
final class PackagedSuite {

    /** Service name → its database in the test stack. */
    static final Map<String, String> DATABASES = Map.of("onboarding", "onboarding", "entitlement", "entitlement",
            "optout", "optout", "notification", "notification");
    private static final Map<String, Integer> PORTS = Map.of("onboarding", 28091, "entitlement", 28092, "optout", 28093,
            "notification", 28094);
    private static Map<String, ServiceProcess> services;
    private static ServiceProcess portal;
    /**
     * The hostile-input corpus sends hundreds of bad keys from one address, and later classes use keys from the same
     * address: the rate limits would refuse them. entitlement-service's RateLimitTest tests the limits.
     */
    static final Map<String, String> UNLIMITED = Map.of("LICENSEFLOW_RATE_LIMIT_ENABLED", "false");

    private PackagedSuite() {
    }

    static synchronized ServiceProcess service(String name) {
        return all().get(name);
    }

    /**
     * The packaged portal, on top of the four services, on the port the realm's licenseflow-portal client allows as a
     * redirect target (28095). Only the browser tests need it.
     */
    static synchronized ServiceProcess portal() {
        if (portal == null) {
            Map<String, ServiceProcess> apps = all();
            String keycloak = ServiceProcess.keycloakRealmUrl().replace("/realms/licenseflow", "");
            portal = ServiceProcess.start("portal", 28095, Map.of("LF_ONBOARDING_URL", apps.get("onboarding").url(),
                    "LF_ENTITLEMENT_URL", apps.get("entitlement").url(), "LF_OPTOUT_URL", apps.get("optout").url(),
                    "LF_NOTIFICATION_URL", apps.get("notification").url(), "LF_KEYCLOAK_ORIGIN", keycloak,
                    "LF_PORTAL_SESSION_SECRET", "e2e-portal-session-secret-" + java.util.UUID.randomUUID()));
            Runtime.getRuntime().addShutdownHook(new Thread(portal::close));
        }
        return portal;
    }

    static synchronized Map<String, ServiceProcess> all() {
        if (services == null) {
            Map<String, ServiceProcess> started = new LinkedHashMap<>();
            for (String name : new String[] {"onboarding", "entitlement", "optout", "notification"}) {
                started.put(name, ServiceProcess.start(name, PORTS.get(name), name.equals("entitlement") ? UNLIMITED : Map.of()));
            }
            services = Map.copyOf(started);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ServiceProcess::close)));
        }
        return services;
    }
}
