package io.licenseflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform manifests of k8s/: every object valid against the strict Kubernetes 1.36 schema or its operator's CRD
 * (Strimzi, CloudNativePG, Keycloak Operator, Prometheus Operator), the generated ones what their sources generate,
 * and the topic list complete.
 */
class PlatformManifestsTest {

    private static StrictSchemas schemas;

    @BeforeAll
    static void schemas() {
        schemas = StrictSchemas.load(Chart.SCHEMAS);
    }

    @Test
    void the_generated_manifests_are_what_their_sources_generate() throws IOException {
        boolean regenerate = Boolean.getBoolean("k8s.regenerate");
        for (Map.Entry<String, String> file : PlatformManifests.generate().entrySet()) {
            Path path = PlatformManifests.K8S.resolve(file.getKey());
            if (regenerate) {
                Files.writeString(path, file.getValue());
            }
            assertThat(path).as("k8s/" + file.getKey() + " is generated: ./licenseflow test -pl deploy-tests -Dk8s.regenerate=true")
                    .hasContent(file.getValue());
        }
    }

    @Test
    void every_object_in_k8s_is_valid_against_its_schema() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (Path file : manifests()) {
            for (JsonNode object : Chart.documents(Files.readString(file))) {
                kinds.add(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
                schemas.violations(object).forEach(v -> violations.add(PlatformManifests.K8S.relativize(file) + " " + Chart.name(object) + ": " + v));
            }
        }
        assertThat(violations).isEmpty();
        assertThat(kinds).contains("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic",
                "kafka.strimzi.io/v1/KafkaConnect", "kafka.strimzi.io/v1/KafkaConnector", "postgresql.cnpg.io/v1/Cluster",
                "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/Publication", "k8s.keycloak.org/v2alpha1/Keycloak",
                "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "monitoring.coreos.com/v1/PodMonitor");
    }

    @Test
    void a_wrong_field_in_a_platform_object_is_a_violation() throws IOException {
        JsonNode kafka = Chart.documents(Files.readString(PlatformManifests.K8S.resolve("kafka/kafka.yaml"))).stream()
                .filter(o -> o.path("kind").asText().equals("Kafka")).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode broken = kafka.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/spec/kafka")).put("replicas", 3); // moved to KafkaNodePool in v1
        assertThat(schemas.violations(broken)).anySatisfy(v -> assertThat(v).contains("replicas"));
        JsonNode topic = Chart.documents(Files.readString(PlatformManifests.K8S.resolve("kafka/topics.yaml"))).get(0);
        com.fasterxml.jackson.databind.node.ObjectNode wrongType = topic.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrongType.path("spec")).put("partitions", "three");
        assertThat(schemas.violations(wrongType)).anySatisfy(v -> assertThat(v).contains("partitions"));
    }

    @Test
    void the_manifests_name_each_other_consistently() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (Path file : manifests()) {
            objects.addAll(Chart.documents(Files.readString(file)));
        }
        JsonNode connect = only(objects, "KafkaConnect");
        JsonNode role = only(objects, "Role");
        JsonNode metrics = only(objects, "ConfigMap");
        Set<String> readableSecrets = new TreeSet<>();
        role.at("/rules/0/resourceNames").forEach(name -> readableSecrets.add(name.asText()));
        Set<String> publications = new TreeSet<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("Publication")).forEach(p -> publications.add(p.at("/spec/name").asText()));
        List<JsonNode> connectors = objects.stream().filter(o -> o.path("kind").asText().equals("KafkaConnector")).toList();
        assertThat(connectors).hasSize(PlatformManifests.DATABASES.size());
        for (JsonNode connector : connectors) {
            assertThat(connector.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(connect.at("/metadata/name").asText());
            Matcher secret = Pattern.compile("\\$\\{secrets:[^/]+/([^:]+):username}").matcher(connector.at("/spec/config/database.user").asText());
            assertThat(secret.matches()).isTrue();
            assertThat(readableSecrets).as("Kafka Connect may read " + secret.group(1)).contains(secret.group(1));
            assertThat(publications).contains(connector.at("/spec/config/publication.name").asText());
            // the connector-down alert maps Debezium's name (the topic prefix) to the connector's
            String database = connector.at("/spec/config/database.dbname").asText();
            assertThat(connector.at("/spec/config/topic.prefix").asText()).isEqualTo("licenseflow-cdc-" + database);
            assertThat(connector.at("/metadata/name").asText()).isEqualTo("licenseflow-" + database + "-outbox");
        }
        assertThat(connect.at("/spec/metricsConfig/valueFrom/configMapKeyRef/name").asText()).isEqualTo(metrics.at("/metadata/name").asText());
        assertThat(metrics.path("data").has(connect.at("/spec/metricsConfig/valueFrom/configMapKeyRef/key").asText())).isTrue();
        assertThat(connect.at("/metadata/annotations/strimzi.io~1use-connector-resources").asText()).isEqualTo("true");
        JsonNode podMonitor = only(objects, "PodMonitor");
        assertThat(podMonitor.at("/spec/selector/matchLabels/strimzi.io~1cluster").asText()).isEqualTo(connect.at("/metadata/name").asText());
        JsonNode keycloak = only(objects, "Keycloak");
        assertThat(only(objects, "KeycloakRealmImport").at("/spec/keycloakCRName").asText()).isEqualTo(keycloak.at("/metadata/name").asText());
        JsonNode values = StrictSchemas.YAML.readTree(Chart.CHART.resolve("values.yaml").toFile());
        assertThat(values.at("/kafka/bootstrapServers").asText()).as("the chart's default Kafka: the plain listener of k8s/'s Kafka")
                .isEqualTo(only(objects, "Kafka").at("/metadata/name").asText() + "-kafka-bootstrap:9092");
        assertThat(values.at("/postgresql/host").asText()).as("the chart's default PostgreSQL: k8s/'s cluster's read-write Service")
                .isEqualTo(only(objects, "Cluster").at("/metadata/name").asText() + "-rw");
        assertThat(values.at("/oidc/url").asText()).as("the chart's default realm URL: k8s/'s Keycloak")
                .isEqualTo(keycloak.at("/spec/hostname/hostname").asText() + "/realms/licenseflow");
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> matching = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    @Test
    void the_topic_list_has_every_topic_a_service_reads_or_writes() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Chart.ROOT.resolve("deploy/kafka/topics.conf"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.trim().split("\\s+")[0]);
            }
        }
        Set<String> used = new TreeSet<>();
        Pattern topic = Pattern.compile("(?m)^[^#]*\\.topic=(licenseflow\\.[a-z.-]+)\\s*$");
        for (String service : List.of("onboarding-service", "entitlement-service", "optout-service", "notification-service")) {
            Matcher matcher = topic.matcher(Files.readString(Chart.ROOT.resolve(service + "/src/main/resources/application.properties")));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        Matcher aggregate = Pattern.compile("\"([a-z-]+)\"").matcher(Files.readString(
                Chart.ROOT.resolve("event-contracts/src/main/java/io/licenseflow/events/AggregateTypes.java")));
        while (aggregate.find()) {
            used.add("licenseflow." + aggregate.group(1) + ".events");
        }
        assertThat(used).hasSizeGreaterThan(15);
        assertThat(listed).containsAll(used);
        assertThat(listed).contains("licenseflow.optout-state.events", "licenseflow.crm-dead-letter.events");
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(PlatformManifests.K8S)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(9);
            return yaml;
        }
    }
}
