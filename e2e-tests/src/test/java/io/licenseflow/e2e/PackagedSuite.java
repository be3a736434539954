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

    private PackagedSuite() {
    }

    static synchronized ServiceProcess service(String name) {
        return all().get(name);
    }

    static synchronized Map<String, ServiceProcess> all() {
        if (services == null) {
            Map<String, ServiceProcess> started = new LinkedHashMap<>();
            for (String name : new String[] {"onboarding", "entitlement", "optout", "notification"}) {
                started.put(name, ServiceProcess.start(name, PORTS.get(name)));
            }
            services = Map.copyOf(started);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ServiceProcess::close)));
        }
        return services;
    }
}
