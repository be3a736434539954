package io.licenseflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart as real Helm lints and renders it, with its defaults and the value sets of its ci/ folder, every object
 * valid against the strict Kubernetes 1.36 and operator schemas; broken values are refused by values.schema.json.
 */
class ChartTest {

    private static StrictSchemas schemas;

    @BeforeAll
    static void schemas() {
        schemas = StrictSchemas.load(Chart.SCHEMAS);
    }

    @Test
    void helm_lint_finds_nothing_in_strict_mode() {
        LintResult lint = new Helm(Chart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "minimal", "production"})
    void every_rendered_object_is_valid_against_its_schema(String valueSet) {
        List<JsonNode> objects = Chart.render(valueSet.equals("default") ? null : valueSet, Map.of());
        assertThat(objects).isNotEmpty();
        List<String> violations = new ArrayList<>();
        for (JsonNode object : objects) {
            schemas.violations(object).forEach(v -> violations.add(Chart.name(object) + ": " + v));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void the_defaults_render_every_application_with_probes_limits_and_a_locked_down_security_context() {
        List<JsonNode> deployments = Chart.render(null, Map.of()).stream().filter(o -> o.path("kind").asText().equals("Deployment")).toList();
        assertThat(deployments).extracting(Chart::name).containsExactlyInAnyOrder("Deployment/licenseflow-onboarding",
                "Deployment/licenseflow-entitlement", "Deployment/licenseflow-optout", "Deployment/licenseflow-notification",
                "Deployment/licenseflow-portal");
        for (JsonNode deployment : deployments) {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(Chart.name(deployment)).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        }
    }

    @Test
    void an_unknown_field_a_wrong_type_or_a_missing_required_field_is_a_violation() {
        JsonNode deployment = Chart.render(null, Map.of()).stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ObjectNode unknownField = deployment.deepCopy();
        ((ObjectNode) unknownField.at("/spec/template/spec/containers/0")).put("imagePullPolice", "Always");
        assertThat(schemas.violations(unknownField)).anySatisfy(v -> assertThat(v).contains("imagePullPolice"));
        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", "https");
        assertThat(schemas.violations(wrongType)).anySatisfy(v -> assertThat(v).contains("containerPort"));
        ObjectNode missing = deployment.deepCopy();
        ((ObjectNode) missing.at("/spec")).remove("selector");
        assertThat(schemas.violations(missing)).anySatisfy(v -> assertThat(v).contains("selector"));
        ObjectNode unknownKind = deployment.deepCopy();
        unknownKind.put("apiVersion", "apps/v1beta1");
        assertThat(schemas.violations(unknownKind)).singleElement().asString().contains("no schema");
    }

    @Test
    void the_prometheus_rule_carries_the_rules_file_and_a_config_map_carries_each_dashboard() throws Exception {
        List<JsonNode> objects = Chart.render(null, Map.of());
        JsonNode rule = objects.stream().filter(o -> o.path("kind").asText().equals("PrometheusRule")).findFirst().orElseThrow();
        JsonNode rulesFile = StrictSchemas.YAML.readTree(Chart.ROOT.resolve("deploy/prometheus/licenseflow-rules.yaml").toFile());
        assertThat(rule.path("spec")).isEqualTo(rulesFile);

        List<JsonNode> dashboards = objects.stream().filter(o -> o.path("kind").asText().equals("ConfigMap")
                && o.at("/metadata/labels/grafana_dashboard").asText().equals("1")).toList();
        try (var files = java.nio.file.Files.list(Chart.ROOT.resolve("deploy/grafana"))) {
            List<java.nio.file.Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(json).hasSize(6);
            assertThat(dashboards).hasSize(json.size());
            for (java.nio.file.Path file : json) {
                String name = file.getFileName().toString();
                assertThat(dashboards).as(name).anySatisfy(map -> assertThat(map.at("/data/" + name.replace("~", "~0")).asText())
                        .isEqualTo(java.nio.file.Files.readString(file).strip()));
            }
        }
        assertThat(Chart.render(null, Map.of("monitoring.prometheusRule.enabled", false, "monitoring.grafanaDashboards.enabled", false)))
                .noneMatch(o -> o.path("kind").asText().equals("PrometheusRule") || o.at("/metadata/labels/grafana_dashboard").isTextual());
    }

    @Test
    void an_applications_extra_environment_reaches_its_container_only() {
        List<JsonNode> deployments = Chart.render(null, Map.of("notification.extraEnv[0].name", "LICENSEFLOW_NOTIFICATION_BRAND_VENDOR_NAME",
                "notification.extraEnv[0].value", "Example Software")).stream().filter(o -> o.path("kind").asText().equals("Deployment")).toList();
        for (JsonNode deployment : deployments) {
            List<String> names = new ArrayList<>();
            deployment.at("/spec/template/spec/containers/0/env").forEach(env -> names.add(env.path("name").asText()));
            if (Chart.name(deployment).equals("Deployment/licenseflow-notification")) {
                assertThat(deployment.at("/spec/template/spec/containers/0/env")).anySatisfy(env -> {
                    assertThat(env.path("name").asText()).isEqualTo("LICENSEFLOW_NOTIFICATION_BRAND_VENDOR_NAME");
                    assertThat(env.path("value").asText()).isEqualTo("Example Software");
                });
            } else {
                assertThat(names).as(Chart.name(deployment)).doesNotContain("LICENSEFLOW_NOTIFICATION_BRAND_VENDOR_NAME");
            }
        }
        assertThatThrownBy(() -> Chart.render(null, Map.of("notification.extraEnv[0].value", "no name"))).hasMessageContaining("name");
    }

    @Test
    void values_the_schema_refuses_stop_the_rendering_with_a_clear_message() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("onboarding.replicas", "two"))).hasMessageContaining("replicas");
        assertThatThrownBy(() -> Chart.render(null, Map.of("image.pullPolicy", "Sometimes"))).hasMessageContaining("pullPolicy");
        assertThatThrownBy(() -> Chart.render(null, Map.of("ingress.hosts.portal", ""))).hasMessageContaining("portal");
        assertThatThrownBy(() -> Chart.render(null, Map.of("onboarding.resources.limits.memory", "lots"))).hasMessageContaining("memory");
    }
}
