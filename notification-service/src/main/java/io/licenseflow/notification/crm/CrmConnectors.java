package io.licenseflow.notification.crm;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connectors enabled by {@code licenseflow.crm.connectors}, checked at start-up (an unknown or unconfigured one stops it). */
@Startup
@ApplicationScoped
public class CrmConnectors {

    private final Map<String, CrmConnector> enabled;
    private final List<String> names;

    public CrmConnectors(Instance<CrmConnector> all, CrmSettings settings) {
        Map<String, CrmConnector> byName = all.stream().collect(Collectors.toMap(CrmConnector::name, Function.identity()));
        List<String> names = settings.connectors().orElse(List.of()).stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
        for (String name : names) {
            CrmConnector connector = byName.get(name);
            if (connector == null) {
                throw new IllegalStateException("licenseflow.crm.connectors names " + name + ", which is not one of " + byName.keySet());
            }
            connector.checkConfigured();
        }
        this.enabled = names.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), byName::get));
        this.names = names.stream().sorted().toList();
    }

    public List<String> names() {
        return names;
    }

    public CrmConnector get(String name) {
        return enabled.get(name);
    }
}
