package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.LocalStack;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of the dashboards (deploy/grafana) and the rules (deploy/prometheus/licenseflow-rules.yaml)
 * run against the test stack's real Prometheus, which scrapes the packaged suite and Kafka Connect's exporter with the
 * same rules loaded. Dashboards' and recording rules' expressions must return data; an alert's expression returns
 * data only while it fires, so every metric it reads must exist with every label it matches or groups by (promtool
 * unit-tests the conditions). Runs after the other classes (more traffic to see), before the key-leak scan.
 */
@Order(Integer.MAX_VALUE - 1)
class ObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = LocalStack.root();
    private static String prometheus;

    @BeforeAll
    static void traffic() throws Exception {
        prometheus = "http://127.0.0.1:" + LocalStack.ensure(List.of("prometheus")).get("LF_PROMETHEUS_PORT");
        PackagedSuite.all();
        DemoCustomer.ensureSeeded();
        given().baseUri(PackagedSuite.service("entitlement").url()).contentType(ContentType.JSON)
                .body("{\"key\": \"LF-OBSERVABILITY-NOT-A-KEY\", \"fingerprint\": \"observability\"}").post("/v1/licenses/validate")
                .then().statusCode(200);
        given().baseUri(PackagedSuite.service("optout").url()).auth().oauth2(KeycloakTokens.backend()).contentType(ContentType.JSON).body("""
                {"changes": [{"accountId": "%s", "subject": {"kind": "user", "id": "%s"}, "purpose": "telemetry", "optedOut": true}]}"""
                .formatted(DemoCustomer.ACCOUNT, "observability-" + java.util.UUID.randomUUID())).post("/v1/optouts").then().statusCode(200);
        // Scraped every 5 s: wait until what just happened has two samples in Prometheus (rate() needs two).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(query("count_over_time(licenseflow_optout_changes_total{job=\"optout-service\",purpose=\"telemetry\"}[1m]) >= 2"))
                    .as("the opt-out change, twice scraped").isNotEmpty();
            assertThat(query("count_over_time(http_server_requests_seconds_count{job=\"entitlement-service\",uri=~\"/v1/licenses/validate.*\"}[1m]) >= 2"))
                    .as("the validation, twice scraped").isNotEmpty();
            assertThat(query("count_over_time(debezium_postgres_connected[1m]) >= 2")).as("the four outbox connectors, twice scraped").hasSize(4);
            assertThat(query("licenseflow:validation_requests:rate5m")).as("the recording rules have seen it").isNotEmpty();
            assertThat(PackagedSuite.crm().requests).as("notification-service pushed CRM records").isNotEmpty();
        });
    }

    @Test
    void every_dashboard_expression_returns_data() throws Exception {
        Map<String, String> expressions = new LinkedHashMap<>();
        try (var files = Files.list(ROOT.resolve("deploy/grafana"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        expressions.put(file.getFileName() + " / " + panel.path("title").asText() + " / " + target.path("refId").asText(),
                                target.path("expr").asText().replace("$__rate_interval", "1m"));
                    }
                }
            }
        }
        assertThat(expressions).hasSizeGreaterThan(30);
        List<String> empty = new ArrayList<>();
        for (Map.Entry<String, String> expression : expressions.entrySet()) {
            if (query(expression.getValue()).isEmpty()) {
                empty.add(expression.getKey() + ": " + expression.getValue());
            }
        }
        assertThat(empty).as("dashboard expressions without data").isEmpty();
    }

    @Test
    void every_recording_rule_returns_data_and_every_alert_reads_metrics_and_labels_that_exist() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/prometheus/licenseflow-rules.yaml").toFile());
        List<String> problems = new ArrayList<>();
        int alerts = 0;
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String expr = rule.path("expr").asText();
                if (rule.has("record")) {
                    if (query(expr).isEmpty()) {
                        problems.add(rule.path("record").asText() + " returns nothing: " + expr);
                    }
                    if (query(rule.path("record").asText()).isEmpty()) {
                        problems.add(rule.path("record").asText() + " is not recorded by Prometheus");
                    }
                } else {
                    alerts++;
                    query(expr); // evaluates without error
                    for (Map.Entry<String, Set<String>> metric : metricsAndLabels(expr).entrySet()) {
                        Set<String> labels = labelsOf(metric.getKey());
                        if (labels.isEmpty()) {
                            problems.add(rule.path("alert").asText() + " reads " + metric.getKey() + ", which has no series");
                        } else if (!labels.containsAll(metric.getValue())) {
                            Set<String> missing = new TreeSet<>(metric.getValue());
                            missing.removeAll(labels);
                            problems.add(rule.path("alert").asText() + " uses labels " + missing + " that " + metric.getKey() + " lacks");
                        }
                    }
                }
            }
        }
        assertThat(alerts).isGreaterThanOrEqualTo(12);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_certificate_alert_fires_for_the_suites_two_day_certificate_and_nothing_else_is_down() throws Exception {
        // last_over_time over the last scrapes: the series of this run's services only
        JsonNode expiry = query("last_over_time(licenseflow_tls_certificate_expiry_timestamp_seconds{job=\"entitlement-service\",store=\"key-store\"}[15s])");
        assertThat(expiry).hasSize(1);
        double left = expiry.get(0).at("/value/1").asDouble() - System.currentTimeMillis() / 1000.0;
        assertThat(left).as("seconds until the test certificate (two days) expires").isBetween(86_400.0, 2 * 86_400.0 + 60);
        assertThat(expiry.get(0).at("/metric/subject").asText()).isEqualTo("CN=localhost");
        assertThat(query("last_over_time(licenseflow_tls_certificate_expiry_timestamp_seconds{job=\"entitlement-service\",store=\"ca\"}[15s])"))
                .as("the CA file's certificate (the suite's self-signed one)").singleElement()
                .satisfies(ca -> assertThat(ca.at("/metric/serial").asText()).isEqualTo(expiry.get(0).at("/metric/serial").asText()));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode firing = JSON.readTree(given().baseUri(prometheus).get("/api/v1/alerts").then().statusCode(200).extract().asString())
                    .at("/data/alerts");
            assertThat(firing).anySatisfy(alert -> {
                assertThat(alert.at("/labels/alertname").asText()).isEqualTo("LicenseFlowCertificateExpiresSoon");
                assertThat(alert.at("/labels/job").asText()).isEqualTo("entitlement-service");
                assertThat(alert.at("/labels/severity").asText()).isEqualTo("warning");
                assertThat(alert.path("state").asText()).isEqualTo("firing");
            });
            assertThat(firing).noneSatisfy(alert -> assertThat(alert.at("/labels/alertname").asText())
                    .isIn("LicenseFlowDebeziumConnectorDown", "LicenseFlowKafkaConnectDown", "LicenseFlowOutboxBacklog"));
        });
        JsonNode connectors = query("kafka_connect_connector_status{status=\"running\"} == 1");
        assertThat(connectors).extracting(c -> c.at("/metric/connector").asText()).containsExactlyInAnyOrder("licenseflow-onboarding-outbox",
                "licenseflow-entitlement-outbox", "licenseflow-optout-outbox", "licenseflow-notification-outbox");
    }

    private static JsonNode query(String expr) throws Exception {
        String body = given().baseUri(prometheus).queryParam("query", expr).get("/api/v1/query").then().extract().asString();
        JsonNode answer = JSON.readTree(body);
        assertThat(answer.path("status").asText()).as(expr + " → " + body).isEqualTo("success");
        return answer.at("/data/result");
    }

    private static Set<String> labelsOf(String metric) throws Exception {
        Set<String> labels = new TreeSet<>();
        for (JsonNode series : query(metric)) {
            series.path("metric").fieldNames().forEachRemaining(labels::add);
        }
        return labels;
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without)\\s*\\(([^)]*)\\)");
    /** Vector matching's label lists (and on (name)): labels both sides have, not metrics. */
    private static final Pattern MATCHING = Pattern.compile("\\b(on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "inf", "nan");

    /**
     * The metrics an expression reads, each with the labels it matches on and the labels the aggregations around it
     * group by. A reader for the expressions of this project's rules (aggregations written "sum by (...) (...)"), not
     * a PromQL parser.
     */
    static Map<String, Set<String>> metricsAndLabels(String expr) {
        String text = blank(expr, STRING);
        List<int[]> spans = new ArrayList<>();
        List<Set<String>> spanLabels = new ArrayList<>();
        Matcher grouping = GROUPING.matcher(text);
        while (grouping.find()) {
            int open = text.indexOf('(', grouping.end());
            int depth = 0;
            int close = open;
            for (; close < text.length(); close++) {
                depth += text.charAt(close) == '(' ? 1 : text.charAt(close) == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            spans.add(new int[] {open, close});
            Set<String> labels = new TreeSet<>();
            for (String label : grouping.group(2).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
            spanLabels.add(labels);
        }
        text = blank(blank(blank(text, GROUPING), MATCHING), RANGE);
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(text);
        while (selector.find()) {
            Set<String> labels = metrics.computeIfAbsent(selector.group(1), m -> new TreeSet<>());
            Matcher label = LABEL.matcher(selector.group(2));
            while (label.find()) {
                labels.add(label.group(1));
            }
            addGrouping(labels, selector.start(), spans, spanLabels);
        }
        Matcher identifier = IDENTIFIER.matcher(blank(text, SELECTOR));
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group(1).toLowerCase())) {
                addGrouping(metrics.computeIfAbsent(identifier.group(1), m -> new TreeSet<>()), identifier.start(), spans, spanLabels);
            }
        }
        return metrics;
    }

    private static void addGrouping(Set<String> labels, int at, List<int[]> spans, List<Set<String>> spanLabels) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[0] < at && at < spans.get(i)[1]) {
                labels.addAll(spanLabels.get(i));
            }
        }
    }

    /** The text with each match of {@code pattern} replaced by as many spaces: positions stay where they were. */
    private static String blank(String text, Pattern pattern) {
        return pattern.matcher(text).replaceAll(match -> " ".repeat(match.group().length()));
    }
}
