package io.licenseflow.optout.optout;

import static io.licenseflow.optout.optout.OptOuts.DB;
import static io.licenseflow.optout.optout.OptOuts.change;
import static io.licenseflow.optout.optout.OptOuts.post;
import static io.licenseflow.optout.optout.OptOuts.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.LocalStack;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Choices per subject and purpose through /v1/optouts: the model, defaults, GPC, idempotency, identity, bad input. */
@QuarkusTest
@WithLocalStack(database = "optout")
class OptOutApiTest {

    @Test
    void a_change_is_recorded_once_versions_the_subject_and_is_logged_and_published() {
        UUID account = OptOuts.account();
        OptOuts.set(account, "u-1", "telemetry", true)
                .body("results[0].changed", equalTo(true)).body("results[0].subjectVersion", equalTo(1))
                .body("subjects[0].optedOut", contains("telemetry"));
        OptOuts.set(account, "u-1", "telemetry", true).body("results[0].changed", equalTo(false)).body("results[0].logSequence", nullValue());
        OptOuts.set(account, "u-1", "telemetry", false).body("results[0].changed", equalTo(true)).body("results[0].subjectVersion", equalTo(2));

        state(TestTokens.optoutClient(), account, "user", "u-1").statusCode(200)
                .body("version", equalTo(2)).body("jurisdiction", equalTo("US-CA"))
                .body("purposes.find { it.purpose == 'telemetry' }.optedOut", equalTo(false))
                .body("purposes.find { it.purpose == 'telemetry' }.basis", equalTo("CHOICE"))
                .body("purposes.find { it.purpose == 'telemetry' }.source", equalTo("api"))
                .body("purposes.find { it.purpose == 'crash-reports' }.basis", equalTo("DEFAULT"));

        String key = account + ":user:u-1";
        List<JsonNode> changed = outbox("OptOutChanged", key);
        assertThat(changed).hasSize(2);
        changed.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        assertThat(changed.get(0).at("/payload/previouslyOptedOut").asBoolean()).isFalse();
        assertThat(changed.get(0).at("/payload/previousBasis").asText()).isEqualTo("DEFAULT");
        assertThat(changed.get(1).at("/payload/previousBasis").asText()).isEqualTo("CHOICE");
        List<JsonNode> states = outbox("SubjectOptOutState", key);
        assertThat(states).hasSize(2);
        states.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        assertThat(states.get(1).at("/payload/version").asLong()).isEqualTo(2);

        assertThat(TestDatabase.rows(DB, "SELECT action, purpose, opted_out, previous, source, actor, client, subject_version FROM compliance_log "
                + "WHERE account_id = ? ORDER BY seq", account)).containsExactly(
                List.of("CHOICE_RECORDED", "telemetry", "t", "not-opted-out (DEFAULT)", "api", "service-account-test-backend", "test-backend", "1"),
                List.of("CHOICE_RECORDED", "telemetry", "f", "opted-out (CHOICE)", "api", "service-account-test-backend", "test-backend", "2"));
        given().auth().oauth2(TestTokens.optoutClient()).queryParam("account", account).queryParam("kind", "user").queryParam("subject", "u-1")
                .get("/v1/optouts/history").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].optedOut", equalTo(true)).body("items[1].previous", equalTo("opted-out (CHOICE)"));
    }

    @Test
    void defaults_follow_the_jurisdiction_and_an_explicit_choice_beats_them() {
        UUID account = OptOuts.account();
        String eu = """
                {"accountId": "%s", "subject": {"kind": "user", "id": "de-1"}, "purpose": "telemetry", "optedOut": false, "jurisdiction": "DE"}"""
                .formatted(account);
        post(TestTokens.optoutClient(), eu).statusCode(200);
        state(TestTokens.optoutClient(), account, "user", "de-1").body("jurisdiction", equalTo("DE"))
                .body("optedOut", contains("marketing-email", "personalization", "sale-or-sharing", "usage-analytics"))
                .body("purposes.find { it.purpose == 'usage-analytics' }.basis", equalTo("DEFAULT"));
        post(TestTokens.optoutClient(), change(account, "user", "de-1", "usage-analytics", false)).statusCode(200);
        state(TestTokens.optoutClient(), account, "user", "de-1")
                .body("optedOut", not(hasItem("usage-analytics")))
                .body("purposes.find { it.purpose == 'usage-analytics' }.basis", equalTo("CHOICE"));
        // A subject that never chose: version 0, the defaults of the account's jurisdiction
        state(TestTokens.optoutClient(), account, "machine", "fp-never").statusCode(200).body("version", equalTo(0)).body("optedOut.size()", equalTo(0));
    }

    @Test
    void gpc_from_an_end_user_records_an_opt_out_of_sale_unless_they_chose_explicitly() {
        UUID account = OptOuts.account();
        String user = TestTokens.endUser(account, "gpc-user");
        given().auth().oauth2(user).header("Sec-GPC", "1").queryParam("account", account).queryParam("kind", "user").queryParam("subject", "gpc-user")
                .get("/v1/optouts").then().statusCode(200)
                .body("purposes.find { it.purpose == 'sale-or-sharing' }.optedOut", equalTo(true))
                .body("purposes.find { it.purpose == 'sale-or-sharing' }.basis", equalTo("GPC"))
                .body("purposes.find { it.purpose == 'sale-or-sharing' }.source", equalTo("gpc"));
        long entries = OptOuts.logEntries();
        given().auth().oauth2(user).header("Sec-GPC", "1").queryParam("account", account).queryParam("kind", "user").queryParam("subject", "gpc-user")
                .get("/v1/optouts").then().statusCode(200);
        assertThat(OptOuts.logEntries()).as("a signal already recorded records nothing").isEqualTo(entries);

        // An explicit choice to allow sale beats the signal, which then does not override it
        post(user, change(account, "user", "gpc-user", "sale-or-sharing", false)).statusCode(200);
        given().auth().oauth2(user).header("Sec-GPC", "1").queryParam("account", account).queryParam("kind", "user").queryParam("subject", "gpc-user")
                .get("/v1/optouts").then().statusCode(200)
                .body("purposes.find { it.purpose == 'sale-or-sharing' }.optedOut", equalTo(false))
                .body("purposes.find { it.purpose == 'sale-or-sharing' }.basis", equalTo("CHOICE"));
        // The service's and the operator's requests carry no user's signal
        given().auth().oauth2(TestTokens.optoutClient()).header("Sec-GPC", "1").queryParam("account", account).queryParam("kind", "user")
                .queryParam("subject", "other").get("/v1/optouts").then().statusCode(200).body("version", equalTo(0));
        given().get("/.well-known/gpc.json").then().statusCode(200).body("gpc", equalTo(true)).body("lastUpdate", equalTo("2026-11-23"));
    }

    @Test
    void a_batch_with_an_idempotency_key_applies_once_and_the_key_cannot_be_reused_for_another() {
        UUID account = OptOuts.account();
        String body = "{\"changes\": [" + change(account, "user", "b-1", "telemetry", true) + "," + change(account, "user", "b-2", "telemetry", true)
                + "," + change(account, "machine", "fp-b", "crash-reports", true) + "]}";
        var first = given().auth().oauth2(TestTokens.optoutClient()).header("Idempotency-Key", "batch-" + account).contentType(ContentType.JSON).body(body)
                .post("/v1/optouts").then().statusCode(200).extract().asString();
        long entries = OptOuts.logEntries();
        OptOuts.set(account, "b-1", "telemetry", false); // a later change: the replay must not undo it
        String replay = given().auth().oauth2(TestTokens.optoutClient()).header("Idempotency-Key", "batch-" + account).contentType(ContentType.JSON).body(body)
                .post("/v1/optouts").then().statusCode(200).header("Idempotency-Replayed", "true").extract().asString();
        assertThat(replay).isEqualTo(first);
        assertThat(OptOuts.logEntries()).isEqualTo(entries + 1);
        given().auth().oauth2(TestTokens.optoutClient()).header("Idempotency-Key", "batch-" + account).contentType(ContentType.JSON)
                .body("{\"changes\": [" + change(account, "user", "b-9", "telemetry", true) + "]}")
                .post("/v1/optouts").then().statusCode(409).body("code", equalTo("idempotency-key-reused"));
        state(TestTokens.optoutClient(), account, "user", "b-1").body("purposes.find { it.purpose == 'telemetry' }.optedOut", equalTo(false));
    }

    @Test
    void bad_input_gets_a_problem_with_a_stable_code_and_changes_nothing() {
        UUID account = OptOuts.account();
        long entries = OptOuts.logEntries();
        post(TestTokens.optoutClient(), change(account, "user", "x", "telemetry", true), change(account, "user", "x", "no-such-purpose", true))
                .statusCode(400).body("code", equalTo("unknown-purpose")).body("errors[0].field", equalTo("changes[1].purpose"));
        post(TestTokens.optoutClient(), change(account, "user", "bad\\u0007id", "telemetry", true))
                .statusCode(400).body("code", equalTo("invalid-characters"));
        post(TestTokens.optoutClient(), change(account, "person", "x", "telemetry", true))
                .statusCode(400).body("code", equalTo("validation-failed"));
        post(TestTokens.optoutClient(), change(account, "account", UUID.randomUUID().toString(), "telemetry", true))
                .statusCode(400).body("code", equalTo("validation-failed"));
        post(TestTokens.optoutClient(), change(UUID.randomUUID(), "user", "x", "telemetry", true))
                .statusCode(400).body("code", equalTo("unknown-account"));
        String[] most = IntStream.range(0, 100).mapToObj(i -> change(account, "user", "m" + i, "telemetry", true)).toArray(String[]::new);
        post(TestTokens.optoutClient(), most).statusCode(200).body("results.size()", equalTo(100));
        entries += 100;
        String[] tooMany = IntStream.range(0, 101).mapToObj(i -> change(account, "user", "u" + i, "telemetry", true)).toArray(String[]::new);
        given().auth().oauth2(TestTokens.optoutClient()).contentType("application/json; charset=UTF-8")
                .body(("{\"changes\": [" + String.join(",", tooMany) + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/optouts").then().statusCode(400).body("code", equalTo("bulk-too-large"));
        given().auth().oauth2(TestTokens.optoutClient()).queryParam("account", account).queryParam("kind", "robot").queryParam("subject", "x")
                .get("/v1/optouts").then().statusCode(400).body("code", equalTo("invalid-parameter"));
        assertThat(OptOuts.logEntries()).isEqualTo(entries);
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM optout_choice WHERE account_id = ?", account)).isEqualTo(100);
    }

    @Test
    void a_large_batch_is_read_whole_whether_its_length_is_announced_or_it_arrives_chunked() throws Exception {
        UUID account = OptOuts.account();
        String body = "{\"changes\": [" + String.join(",", IntStream.range(0, 100)
                .mapToObj(i -> change(account, "user", "chunked-" + i + "-" + "x".repeat(60), "crash-reports", true)).toList()) + "]}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bytes.length).as("more than one network read").isGreaterThan(16_384);
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/optouts"))
                .header("Authorization", "Bearer " + TestTokens.optoutClient()).header("Content-Type", "application/json");
        // No length known in advance: the client sends Transfer-Encoding: chunked
        var chunked = client.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM optout_choice WHERE account_id = ?", account)).isEqualTo(100);
    }

    @Test
    void end_users_change_only_their_own_choices_customers_only_their_account_and_clients_need_the_optouts_role() {
        UUID account = OptOuts.account();
        UUID other = OptOuts.account();
        String alice = TestTokens.endUser(account, "alice");
        post(alice, change(account, "user", "alice", "marketing-email", true)).statusCode(200);
        post(alice, change(account, "user", "bob", "marketing-email", true)).statusCode(403);
        state(alice, account, "user", "bob").statusCode(403);
        state(alice, account, "user", "alice").statusCode(200).body("optedOut", contains("marketing-email"));
        given().auth().oauth2(alice).queryParam("account", account).get("/v1/optouts/export").then().statusCode(403);

        post(TestTokens.customerOf(account), change(account, "user", "bob", "telemetry", true)).statusCode(200);
        post(TestTokens.customerOf(account), change(other, "user", "bob", "telemetry", true)).statusCode(403);
        post(TestTokens.operator(), change(account, "user", "bob", "telemetry", false)).statusCode(403);
        post(TestTokens.withoutRoles(), change(account, "user", "bob", "telemetry", false)).statusCode(403);
        given().contentType(ContentType.JSON).body("{\"changes\": [" + change(account, "user", "bob", "telemetry", false) + "]}")
                .post("/v1/optouts").then().statusCode(401);
        given().auth().oauth2(TestTokens.optoutClient()).contentType(ContentType.JSON)
                .body("{\"source\": \"admin\", \"changes\": [" + change(account, "user", "bob", "telemetry", false) + "]}")
                .post("/v1/optouts").then().statusCode(403);

        assertThat(TestDatabase.rows(DB, "SELECT actor, source FROM compliance_log WHERE account_id = ? ORDER BY seq", account)).containsExactly(
                List.of("test-user-alice", "api"), List.of("test-customer", "api"));
    }

    @Test
    void an_account_adds_purposes_and_its_export_streams_as_json_and_csv_page_by_page() {
        UUID account = OptOuts.account();
        given().auth().oauth2(TestTokens.customerOf(account)).contentType(ContentType.JSON)
                .body("{\"name\": \"beta-program\", \"description\": \"Extra diagnostics from beta builds\", \"optedOutByDefault\": true}")
                .post("/v1/accounts/" + account + "/purposes").then().statusCode(201).body("builtIn", equalTo(false));
        given().auth().oauth2(TestTokens.customerOf(account)).contentType(ContentType.JSON)
                .body("{\"name\": \"telemetry\", \"description\": \"x\", \"optedOutByDefault\": true}")
                .post("/v1/accounts/" + account + "/purposes").then().statusCode(409).body("code", equalTo("purpose-exists"));
        state(TestTokens.optoutClient(), account, "user", "p-1").body("optedOut", contains("beta-program"));
        JsonNode accountState = outbox("SubjectOptOutState", account + ":account:" + account).getLast();
        assertThat(accountState.at("/payload/subjectDefaults").toString()).isEqualTo("[\"beta-program\"]");

        String[] changes = IntStream.range(0, 5).mapToObj(i -> change(account, "user", "e-" + i, "beta-program", false)).toArray(String[]::new);
        post(TestTokens.optoutClient(), changes).statusCode(200);
        var firstPage = given().auth().oauth2(TestTokens.customerOf(account)).queryParam("account", account).queryParam("limit", 3)
                .get("/v1/optouts/export").then().statusCode(200).extract();
        assertThat(firstPage.jsonPath().getList("subjectId")).containsExactly("e-0", "e-1", "e-2");
        String next = firstPage.header("Link");
        assertThat(next).contains("rel=\"next\"");
        String nextUrl = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        var secondPage = given().auth().oauth2(TestTokens.customerOf(account)).accept("text/csv").get(nextUrl).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract();
        assertThat(secondPage.header("Link")).isNull();
        String[] lines = secondPage.asString().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("accountId,kind,subjectId,purpose,optedOut,source,jurisdiction,effectiveAt,version");
        assertThat(lines[1]).contains("\"" + account + "\",user,e-3,beta-program,false,api,US-CA,");
    }

    @Test
    void debezium_publishes_each_change_and_the_subjects_state_on_a_compacted_topic() throws Exception {
        UUID account = OptOuts.account();
        OptOuts.set(account, "kafka-1", "usage-analytics", true);
        String key = account + ":user:kafka-1";
        var changed = TestKafka.await(Topics.OPTOUT_EVENTS, r -> key.equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        JsonNode event = EventJson.MAPPER.readTree(changed.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.at("/payload/purpose").asText()).isEqualTo("usage-analytics");
        var state = TestKafka.await(Topics.OPTOUT_STATE_EVENTS, r -> key.equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        JsonNode stateEvent = EventJson.MAPPER.readTree(state.value());
        assertThat(EventSchemas.violations(stateEvent)).isEmpty();
        assertThat(stateEvent.at("/payload/optedOut").toString()).isEqualTo("[\"usage-analytics\"]");
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", LocalStack.kafkaBootstrap()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.OPTOUT_STATE_EVENTS);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    static List<JsonNode> outbox(String type, String key) {
        return TestDatabase.rows(DB, "SELECT payload::text FROM outbox WHERE type = ? AND aggregateid = ? ORDER BY createdat", type, key)
                .stream().map(row -> EventJson.MAPPER.valueToTree(EventJson.read(row.get(0)))).map(JsonNode.class::cast)
                .collect(Collectors.toList());
    }
}
