package io.licenseflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files of k8s/ that are generated from the definitions the local stack also uses, so that there is one copy of
 * each: the topics (deploy/kafka/topics.conf), the outbox connectors (deploy/connect/outbox-connector.properties),
 * Kafka Connect's metrics rules (deploy/prometheus/kafka-connect-metrics.yaml) and the realm
 * (deploy/keycloak/licenseflow-realm.json). PlatformManifestsTest fails when a committed file differs from what its
 * sources generate; {@code ./licenseflow test -pl deploy-tests -Dk8s.regenerate=true} rewrites them.
 */
final class PlatformManifests {

    static final Path K8S = Chart.ROOT.resolve("k8s");
    static final List<String> DATABASES = List.of("onboarding", "entitlement", "optout", "notification");
    private static final String NAMESPACE = "licenseflow";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlatformManifests() {
    }

    /** Each generated file (relative to k8s/) and its content. */
    static Map<String, String> generate() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kafka/topics.yaml", topics());
        files.put("kafka-connect/connectors.yaml", connectors());
        files.put("kafka-connect/metrics-config.yaml", metricsConfig());
        files.put("keycloak/realm-import.yaml", realmImport());
        return files;
    }

    static String topics() {
        List<ObjectNode> topics = new ArrayList<>();
        for (String line : read("deploy/kafka/topics.conf").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            ObjectNode topic = object("kafka.strimzi.io/v1", "KafkaTopic", fields[0], Map.of("strimzi.io/cluster", "licenseflow"));
            ObjectNode spec = topic.putObject("spec");
            spec.put("topicName", fields[0]);
            spec.put("partitions", Integer.parseInt(fields[1]));
            spec.put("replicas", 3);
            ObjectNode config = spec.putObject("config");
            for (String setting : fields.length > 2 ? fields[2].split(",") : new String[0]) {
                String[] pair = setting.split("=", 2);
                config.put(pair[0], pair[1]);
            }
            topics.add(topic);
        }
        return header("the topics of deploy/kafka/topics.conf, as Strimzi KafkaTopics (three replicas each)") + documents(topics);
    }

    static String connectors() {
        Properties shared = new Properties();
        try {
            shared.load(new StringReader(read("deploy/connect/outbox-connector.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectNode> connectors = new ArrayList<>();
        for (String database : DATABASES) {
            ObjectNode connector = object("kafka.strimzi.io/v1", "KafkaConnector", "licenseflow-" + database + "-outbox",
                    Map.of("strimzi.io/cluster", "licenseflow-connect"));
            ObjectNode spec = connector.putObject("spec");
            spec.put("class", shared.getProperty("connector.class"));
            spec.put("tasksMax", Integer.parseInt(shared.getProperty("tasks.max")));
            spec.putObject("autoRestart").put("enabled", true);
            ObjectNode config = spec.putObject("config");
            // Where the database is in the cluster, and its credentials from the service's Secret.
            String secret = "${secrets:" + NAMESPACE + "/licenseflow-db-" + database + ":";
            config.put("database.hostname", "licenseflow-db-rw");
            config.put("database.port", "5432");
            config.put("database.user", secret + "username}");
            config.put("database.password", secret + "password}");
            shared.stringPropertyNames().stream().sorted().filter(key -> !key.equals("connector.class") && !key.equals("tasks.max"))
                    .forEach(key -> config.put(key, shared.getProperty(key).replace("@DATABASE@", database)));
            // CloudNativePG creates the publication (k8s/postgres/databases.yaml): the connector's role does not own all tables.
            config.put("publication.autocreate.mode", "disabled");
            connectors.add(connector);
        }
        return header("one Debezium outbox connector per service database, from deploy/connect/outbox-connector.properties "
                + "(the local stack's definition); only the database's address, the credentials and publication.autocreate.mode differ")
                + documents(connectors);
    }

    static String metricsConfig() {
        ObjectNode map = object("v1", "ConfigMap", "licenseflow-connect-metrics", Map.of());
        map.putObject("data").put("kafka-connect-metrics.yaml", read("deploy/prometheus/kafka-connect-metrics.yaml"));
        return header("Kafka Connect's metrics rules (KafkaConnect spec.metricsConfig), from deploy/prometheus/kafka-connect-metrics.yaml")
                + documents(List.of(map));
    }

    /**
     * The realm of deploy/keycloak/ for a production Keycloak: without the demo users (service accounts stay), the
     * backend client's secret and the portal's address from the Secret licenseflow-keycloak-realm, and no password
     * grant for the portal (the tests' shortcut).
     */
    static String realmImport() {
        ObjectNode realm;
        try {
            realm = (ObjectNode) new ObjectMapper().readTree(read("deploy/keycloak/licenseflow-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode users = (ArrayNode) realm.path("users");
        for (Iterator<JsonNode> user = users.iterator(); user.hasNext();) {
            if (!user.next().has("serviceAccountClientId")) {
                user.remove();
            }
        }
        for (JsonNode client : realm.path("clients")) {
            ObjectNode settings = (ObjectNode) client;
            if (client.path("clientId").asText().equals("licenseflow-backend")) {
                settings.put("secret", "${LICENSEFLOW_BACKEND_CLIENT_SECRET}");
            }
            if (client.path("clientId").asText().equals("licenseflow-portal")) {
                settings.putArray("redirectUris").add("${LICENSEFLOW_PORTAL_URL}/*");
                settings.put("directAccessGrantsEnabled", false);
            }
        }
        ObjectNode imported = object("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", "licenseflow-realm", Map.of());
        ObjectNode spec = imported.putObject("spec");
        spec.put("keycloakCRName", "licenseflow-keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        placeholders.putObject("LICENSEFLOW_BACKEND_CLIENT_SECRET").putObject("secret").put("name", "licenseflow-keycloak-realm").put("key", "backend-client-secret");
        placeholders.putObject("LICENSEFLOW_PORTAL_URL").putObject("secret").put("name", "licenseflow-keycloak-realm").put("key", "portal-url");
        spec.set("realm", realm);
        return header("the realm of deploy/keycloak/licenseflow-realm.json for production: no demo users, the backend client's secret "
                + "and the portal's URL from the Secret licenseflow-keycloak-realm, no password grant") + documents(List.of(imported));
    }

    private static ObjectNode object(String apiVersion, String kind, String name, Map<String, String> labels) {
        ObjectNode object = NODES.objectNode();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", NAMESPACE);
        ObjectNode labelNode = metadata.putObject("labels");
        labels.forEach(labelNode::put);
        labelNode.put("app.kubernetes.io/part-of", "licenseflow");
        return object;
    }

    private static String header(String what) {
        return "# Generated by deploy-tests (PlatformManifests): " + what + ".\n"
                + "# Do not edit: change the source, then ./licenseflow test -pl deploy-tests -Dk8s.regenerate=true\n";
    }

    private static String documents(List<ObjectNode> objects) {
        StringBuilder yaml = new StringBuilder();
        try {
            for (ObjectNode object : objects) {
                yaml.append("---\n").append(YAML.writeValueAsString(object));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return yaml.toString();
    }

    private static String read(String path) {
        try {
            return Files.readString(Chart.ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
