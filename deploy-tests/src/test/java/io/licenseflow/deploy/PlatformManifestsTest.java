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
