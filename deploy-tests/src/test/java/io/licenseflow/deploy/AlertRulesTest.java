package io.licenseflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules as promtool (Debian package prometheus) checks and unit-tests them; every alert has unit tests that
 * expect it to fire, and a runbook section in docs/runbooks.md; every dashboard is a well-formed Grafana dashboard.
 */
class AlertRulesTest {

    private static final Path RULES = Chart.ROOT.resolve("deploy/prometheus/licenseflow-rules.yaml");
    private static final Path RULE_TESTS = Chart.ROOT.resolve("deploy/prometheus/licenseflow-rules.test.yaml");

    @Test
    void promtool_checks_the_rules() throws Exception {
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void promtool_passes_the_rules_unit_tests() throws Exception {
        assertThat(promtool("test", "rules", RULE_TESTS.toString())).contains("SUCCESS");
    }

    @Test
    void every_alert_is_unit_tested_firing_and_has_its_runbook_section() throws Exception {
        JsonNode tests = StrictSchemas.YAML.readTree(RULE_TESTS.toFile());
        Set<String> testedFiring = new TreeSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                if (!check.path("exp_alerts").isEmpty()) {
                    testedFiring.add(check.path("alertname").asText());
                }
            }
        }
        Set<String> anchors = runbookAnchors();
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : StrictSchemas.YAML.readTree(RULES.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    String alert = rule.path("alert").asText();
                    alerts.add(alert);
                    String runbook = rule.at("/annotations/runbook_url").asText();
                    assertThat(runbook).as(alert).contains("docs/runbooks.md#");
                    assertThat(anchors).as(alert + "'s runbook section").contains(runbook.substring(runbook.indexOf('#') + 1));
                    assertThat(rule.at("/labels/severity").asText()).as(alert).isIn("warning", "critical");
                }
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
        assertThat(testedFiring).containsAll(alerts);
    }

    @Test
    void every_dashboard_is_a_grafana_dashboard_reading_the_chosen_prometheus() throws IOException {
        try (var files = Files.list(Chart.ROOT.resolve("deploy/grafana"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = StrictSchemas.JSON.readTree(file.toFile());
                String name = file.getFileName().toString();
                assertThat(dashboard.path("uid").asText()).as(name).isEqualTo(name.replace(".json", ""));
                assertThat(dashboard.path("title").asText()).as(name).startsWith("LicenseFlow / ");
                assertThat(dashboard.path("panels")).as(name).isNotEmpty();
                for (JsonNode panel : dashboard.path("panels")) {
                    assertThat(panel.at("/datasource/uid").asText()).as(name + " " + panel.path("title")).isEqualTo("${datasource}");
                    assertThat(panel.path("targets")).as(name + " " + panel.path("title")).isNotEmpty()
                            .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
                }
            }
        }
    }

    /** GitHub's anchors of the runbook's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> runbookAnchors() throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#{2,3} (.+)$").matcher(Files.readString(Chart.ROOT.resolve("docs/runbooks.md")));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(RULES.getParent().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool is needed: install the Debian package prometheus (apt-get install -y prometheus)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
