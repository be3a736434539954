package io.licenseflow.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.licenseflow.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The hostile inputs thrown at every operation: malformed and malicious ids, query strings, headers and bodies, and
 * spoilt values for each field of the operation's body. Each case spoils one thing of an otherwise well-formed
 * request, so that whatever refuses it is the check for that thing.
 */
final class HostileCorpus {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileCorpus() {
    }

    static List<HostileCase> casesFor(ApiOperation operation, JsonNode openApi, CorpusLimits limits) {
        List<HostileCase> cases = new ArrayList<>();
        ids(operation, limits, cases);
        targets(cases);
        queries(operation, limits, cases);
        headers(operation, limits, cases);
        bodies(operation, limits, cases);
        fields(operation, openApi, cases);
        methods(cases);
        return cases;
    }

    // ------------------------------------------------------------------ ids (path parameters)

    private static final List<String> IDS = List.of("", "%20", "null", "undefined", "0", "-1", "1", "007", "1.5", "1e309", "NaN",
            "Infinity", "true", "%5B%5D", "%7B%7D", "a".repeat(256), "a".repeat(5000), "%00", "a%00b", "%2500", "%0d%0aX-Injected:%201",
            "%0a", "%09", "%1b%5B31m", "%7f", "%c2%85", "%e2%80%ae", "%F0%9F%98%80", "%E4%B8%AD%E6%96%87", "%ef%bf%bf",
            "%27", "%27%20OR%20%271%27=%271", "1;DROP%20TABLE%20account", "$%7Bjndi:ldap://x%7D", "%7B%7B7*7%7D%7D",
            "%3Cscript%3Ealert(1)%3C/script%3E", "__proto__", "constructor", "a/b", "*", "~", "-", "_",
            "!$&'()*+,=", "@", ":", "a:b", "%22", "%60", "%5E", "%7C", "%3C%3E", "..%3B", "%3B", "%2e", "COM1", "aux", "~root", "%u0000",
            "&#0;", "\\u0000", "%%32%65", "-0", "+1", "0x1F", "1_000", "%31", "%EF%BC%91", "%C2%A0", "%E2%80%8B",
            "%F3%A0%80%81", "..%252f", "%252e%252e", "%2525", "a,b", "a+b", "a=b", "(", ")", "!", "'", "$", "&", "~~", "%7E",
            "SELECT", "null%00", "undefined;", "NaN%20", "%09a", "a%0b");
    private static final List<String> INVALID_URI_IDS = List.of("%ff", "%c0%ae", "%c0%80", "%ed%a0%80", "%f4%90%80%80", "%e2%82",
            "%", "%z", "%zz", "%%", "a%", "..", ".", "%2e%2e", "%2E%2e", "..%2f..%2fetc%2fpasswd", "%2f", "%2F", "%5c", "a%2fb",
            "%00%00", ";jsessionid=1", "x;y=1", ";", "caf\u00e9", "\u00ff", "{}", "<>", "\"", "`", "^", "|", "%0D");

    private static void ids(ApiOperation operation, CorpusLimits limits, List<HostileCase> cases) {
        List<String> targets = operation.pathParameters().stream().map(ApiOperation.Parameter::name).toList();
        List<String> each = targets.isEmpty() ? List.of("(extra path segment)") : targets;
        for (String parameter : each) {
            UnaryOperator<String> path = value -> targets.isEmpty()
                    ? operation.pathWith(null, null) + "/" + value
                    : operation.pathWith(parameter, value);
            for (String id : IDS) {
                if (targets.isEmpty() && id.isEmpty()) {
                    continue; // a trailing slash: the same resource to Quarkus REST, and harmless
                }
                cases.add(HostileCase.of("id", parameter + "=" + shorten(id), r -> target(r, path.apply(id))));
            }
            UUID uuid = UUID.randomUUID();
            // Valid UUIDs in other spellings name nothing that exists, except for a PUT, which creates what it names.
            List<String> otherSpellings = operation.method().equals("PUT") ? List.of() : List.of(uuid.toString().toUpperCase(),
                    new UUID(0, 0).toString(), "ffffffff-ffff-ffff-ffff-ffffffffffff", uuid + "/", uuid + "?");
            for (String id : otherSpellings) {
                cases.add(HostileCase.of("id", parameter + "=" + shorten(id), r -> target(r, path.apply(id))));
            }
            for (String id : List.of("%7B" + uuid + "%7D", uuid.toString().replace("-", ""),
                    uuid + "x", uuid + "%00", "%20" + uuid, uuid + "%20", uuid.toString().substring(1), uuid + ";")) {
                cases.add(HostileCase.of("id", parameter + "=" + shorten(id), r -> target(r, path.apply(id))));
            }
            for (String id : INVALID_URI_IDS) {
                cases.add(HostileCase.expecting(400, "invalid-uri", "id", parameter + "=" + shorten(id), r -> target(r, path.apply(id))));
            }
            for (String id : List.of("a".repeat(limits.maxUriLength() + 10), "a".repeat(limits.codecLineCap() - 1000),
                    "%41".repeat((limits.codecLineCap() - 1000) / 3))) {
                cases.add(HostileCase.expecting(414, "uri-too-long", "id", parameter + "=" + shorten(id), r -> target(r, path.apply(id))));
            }
            for (String id : List.of("a".repeat(limits.codecLineCap() + 10), "a".repeat(limits.codecLineCap() * 4))) {
                cases.add(HostileCase.refusedByTheCodec(414, "id", parameter + "=" + shorten(id) + " (beyond the codec's cap)",
                        r -> target(r, path.apply(id))));
            }
        }
    }

    // ------------------------------------------------------------------ request targets that are no absolute path

    private static void targets(List<HostileCase> cases) {
        for (String target : List.of("?a", "*", "v1/accounts", "//", "///v1", "/\\\\x", "http://evil.example.com/v1/x")) {
            boolean refused = !target.startsWith("http") && !target.startsWith("//");
            cases.add(refused ? HostileCase.expecting(400, "invalid-uri", "target", target, r -> target(r, target))
                    : HostileCase.of("target", target, r -> target(r, target)));
        }
    }

    // ------------------------------------------------------------------ query strings

    private static final List<String> QUERIES = List.of("a", "a=", "a=1", "a=1&a=2", "A=1", "%00=1", "a=%0d%0a",
            "a[]=1", "a[b]=1", "a.b=1", "__proto__[x]=1", "constructor.prototype.x=1", "callback=alert(1)", "format=json",
            "format=xml", "page=-1", "page=abc", "limit=0", "limit=-1", "limit=1e9", "limit=99999999999999999999", "size=1.5",
            "offset=NaN", "after=%27%20OR%201=1--", "sort=;DROP", "fields=*", "expand=all", "q=%F0%9F%98%80", "q=%E2%80%AE",
            "q=+", "q=%2B", "a=1;b=2", "debug=true", "admin=true", "accountId=" + UUID.randomUUID(), "id=" + UUID.randomUUID(),
            "_method=DELETE", "x-http-method-override=DELETE", "a=" + "b".repeat(4000), "q=%2e%2e%2f", "role=admin",
            "a=%22%3E%3Cscript%3E", "%E4%B8%AD=1", "a==1", "?a=1", "a=1?b=2", "limit=10&limit=20", "after=", "lang=en;q=1",
            "redirect=https://evil.example.com", "include=../../etc/passwd", "x=%F0%9F%98%80%F0%9F%98%80", "filter[name]=a", "q=%2525");
    private static final List<String> INVALID_QUERIES = List.of("a=%00", "a=%1b", "a=%ff", "a=%c0%80", "a=%ed%a0%80", "a=%",
            "a=%z", "a=%zz", "a=%%", "%=1", "a=%c2%9b", "a=caf\u00e9", "=", "=1", "&=&", "a=1#frag", "a=%07", "a=<b>", "a={}", "a=%08", "a=|", "a=`", "a=\\", "a=^",
            "a=%0A", "a=%0d", "a=%09", "a=%7f", "a=%c2%85", "a=%e2%80", "a=%fe", "a=%c1%bf", "%00", "%ff=1", "a=\"", "a=#");

    private static void queries(ApiOperation operation, CorpusLimits limits, List<HostileCase> cases) {
        for (String query : QUERIES) {
            cases.add(HostileCase.of("query", shorten(query), r -> query(r, query)));
        }
        for (String query : INVALID_QUERIES) {
            cases.add(HostileCase.expecting(400, "invalid-uri", "query", shorten(query), r -> query(r, query)));
        }
        cases.add(HostileCase.expecting(400, "invalid-uri", "query", "one parameter too many",
                r -> query(r, "x=y" + "&x=y".repeat(limits.maxQueryParameters()))));
        cases.add(HostileCase.expecting(414, "uri-too-long", "query", "a value beyond the URI limit",
                r -> query(r, "a=" + "b".repeat(limits.maxUriLength()))));
        cases.add(HostileCase.expecting(414, "uri-too-long", "query", "thousands of parameters",
                r -> query(r, "a=1&".repeat(limits.maxUriLength() / 4 + 10))));
        cases.add(HostileCase.refusedByTheCodec(414, "query", "a value beyond the codec's cap", r -> query(r, "a=" + "b".repeat(limits.codecLineCap()))));
        for (ApiOperation.Parameter parameter : operation.queryParameters()) {
            for (String value : List.of("", "-1", "0", "abc", "1e999", "99999999999999999999", "1.5", "%27%20OR%201=1", "x".repeat(2000))) {
                cases.add(HostileCase.of("query", parameter.name() + "=" + shorten(value), r -> query(r, parameter.name() + "=" + value)));
            }
            cases.add(HostileCase.expecting(400, "invalid-uri", "query", parameter.name() + "=%00", r -> query(r, parameter.name() + "=%00")));
        }
    }

    // ------------------------------------------------------------------ headers

    private static void headers(ApiOperation operation, CorpusLimits limits, List<HostileCase> cases) {
        int justOver = limits.maxHeaderBytes() + 100;
        int nearCap = (int) limits.codecHeaderCap() - 4096;
        cases.add(HostileCase.expecting(431, "headers-too-large", "header", "one header just over the limit", r -> r.header("X-Big", "a".repeat(justOver))));
        cases.add(HostileCase.expecting(431, "headers-too-large", "header", "one header near the codec's cap", r -> r.header("X-Big", "a".repeat(nearCap))));
        cases.add(HostileCase.expecting(431, "headers-too-large", "header", "one header too many", r -> {
            for (int i = 0; i <= limits.maxHeaderCount(); i++) {
                r.header("X-Many-" + i, "1");
            }
            return r;
        }));
        cases.add(HostileCase.expecting(431, "headers-too-large", "header", "a cookie over the limit", r -> r.header("Cookie", "a=" + "b".repeat(justOver))));
        cases.add(HostileCase.refusedByTheCodec(431, "header", "one header beyond the codec's cap",
                r -> r.header("X-Big", "a".repeat((int) limits.codecHeaderCap() + 10))));

        String valid = TestTokens.admin();
        Map<String, String> authorizations = new java.util.LinkedHashMap<>();
        authorizations.put("Bearer", "Bearer");
        authorizations.put("Bearer + space", "Bearer ");
        authorizations.put("Bearer + two spaces", "Bearer  ");
        authorizations.put("Bearer a", "Bearer a");
        authorizations.put("Bearer a.b.c", "Bearer a.b.c");
        authorizations.put("Bearer ..", "Bearer ..");
        authorizations.put("Bearer <8000 chars>", "Bearer " + "a".repeat(8000));
        authorizations.put("Basic admin:admin", "Basic YWRtaW46YWRtaW4=");
        authorizations.put("Digest", "Digest username=\"admin\"");
        authorizations.put("Token", "Token abc");
        authorizations.put("token with a spoilt signature", "Bearer " + valid.substring(0, valid.length() - 4) + "AAAA");
        authorizations.put("token with a changed payload", "Bearer " + changedPayload(valid));
        authorizations.put("expired token", "Bearer " + TestTokens.expired());
        authorizations.put("unsigned token (alg none)", "Bearer " + unsigned());
        authorizations.put("token signed by another key", "Bearer " + foreignSigned());
        authorizations.put("token with a NUL-free junk header", "Bearer e30.e30.e30");
        authorizations.put("valid token twice", "Bearer " + valid + " " + valid);
        for (Map.Entry<String, String> auth : authorizations.entrySet()) {
            cases.add(HostileCase.of("header", "Authorization: " + auth.getKey(), r -> r.setHeader("Authorization", auth.getValue())));
        }
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Authorization twice", r -> r.header("Authorization", "Bearer junk")
                .header("Authorization", "Bearer " + valid)));

        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "text/json", "application/octet-stream", "application/json-patch+json", "image/png")) {
            cases.add(HostileCase.of("header", "Content-Type: " + type, r -> r.body(type, bodyOf(r))));
        }
        for (String type : List.of("application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/json; charset=\"",
                "application/*", "*/*", "application", "application/json/x", "", ";", "application/json;;=", "application/json; charset=utf-32be")) {
            cases.add(HostileCase.expecting(415, "unsupported-media-type", "header", "Content-Type: " + shorten(type), r -> r.body(type, bodyOf(r))));
        }
        cases.add(HostileCase.expecting(415, "unsupported-media-type", "header", "a body without Content-Type",
                r -> r.body(null, bodyOf(r))));
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Content-Type twice",
                r -> r.body("application/json", bodyOf(r)).header("Content-Type", "text/plain")));
        for (String encoding : List.of("gzip", "br", "deflate", "identity, gzip", "x-unknown")) {
            cases.add(HostileCase.expecting(415, "unsupported-media-type", "header", "Content-Encoding: " + encoding,
                    r -> r.body(r.headerValue("Content-Type") == null ? "application/json" : r.headerValue("Content-Type"), bodyOf(r))
                            .setHeader("Content-Encoding", encoding)));
        }
        for (String accept : List.of("application/xml", "text/html", "image/png", "application/json;q=0", "text/*")) {
            cases.add(HostileCase.of("header", "Accept: " + accept, r -> r.setHeader("Accept", accept)));
        }
        for (String accept : List.of(";;;", "application/", "*/*;q=2", "*/*;q=abc", "text/html;level=", "/", "json", "*/json", "a/b/c")) {
            cases.add(HostileCase.expecting(400, "invalid-header", "header", "Accept: " + accept, r -> r.setHeader("Accept", accept)));
        }
        for (String encoding : List.of("gzip", "identity", "chunked, gzip", "gzip, chunked", "x-custom")) {
            cases.add(HostileCase.expecting(400, "invalid-header", "header", "Transfer-Encoding: " + encoding, r -> {
                r.body = bodyOf(r);
                r.chunked = true;
                return r.setHeader("Transfer-Encoding", encoding);
            }));
        }
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Transfer-Encoding twice", r -> {
            r.body = bodyOf(r);
            r.chunked = true;
            return r.header("Transfer-Encoding", "chunked").header("Transfer-Encoding", "chunked");
        }));
        for (ApiOperation.Parameter parameter : operation.headerParameters()) {
            for (String value : List.of("", " ", "x".repeat(300), "%00", "\u00e9t\u00e9", "null", "-1", "a\u0085b")) {
                cases.add(HostileCase.of("header", parameter.name() + ": " + shorten(value), r -> r.setHeader(parameter.name(), value)));
            }
        }
        for (String[] benignLooking : new String[][] {{"X-Forwarded-For", "127.0.0.1, ::1"}, {"X-Original-URL", "/admin"},
                {"X-HTTP-Method-Override", "DELETE"}, {"Origin", "null"}, {"Range", "bytes=0-"}, {"If-Match", "*"}}) {
            cases.add(HostileCase.of("header", benignLooking[0] + ": " + benignLooking[1] + " (with an unknown query parameter)",
                    r -> query(r.setHeader(benignLooking[0], benignLooking[1]), "corpus-probe=1")));
        }
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Idempotency-Key twice",
                r -> r.header("Idempotency-Key", "a").header("Idempotency-Key", "b")));
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Host twice", r -> r.header("Host", "a").header("Host", "b")));
        cases.add(HostileCase.refusedByTheCodec(400, "header", "DEL in a value", r -> r.header("X-Note", "a\u007fb")));
        cases.add(HostileCase.refusedByTheCodec(400, "header", "a control character in a value", r -> r.header("X-Note", "a\u0001b")));
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "no Host", r -> {
            r.sendHost = false;
            return r;
        }));
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Host with spaces", r -> r.setHeader("Host", "a b c")));
        cases.add(HostileCase.expecting(400, "invalid-header", "header", "Host with a bad port", r -> r.setHeader("Host", "localhost:99999999")));
        cases.add(HostileCase.expecting(413, "payload-too-large", "header", "Expect: 100-continue with 2 GiB announced",
                r -> {
                    r.body = null;
                    return r.setHeader("Expect", "100-continue").setHeader("Content-Type", "application/json").header("Content-Length", "2147483648");
                }));
        cases.add(HostileCase.of("header", "chunked body beyond the limit", r -> {
            r.body(r.headerValue("Content-Type") == null ? "application/json" : r.headerValue("Content-Type"),
                    ("{\"pad\":\"" + "a".repeat((int) limits.maxBodyBytes() + 100) + "\"}").getBytes(StandardCharsets.UTF_8));
            r.chunked = true;
            return r;
        }));
    }

    // ------------------------------------------------------------------ bodies

    private static final List<String> BODIES = List.of(" ", "null", "true", "false", "0", "-1", "1e999", "\"x\"", "[]", "[{}]",
            "[null]", "{", "}", "{]", "[", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{'a':1}", "{a:1}", "{\"a\":1}x", "{}{}", "{} []",
            "/*c*/{}", "//c\n{}", "{\"a\":NaN}", "{\"a\":-Infinity}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":0x10}",
            "{\"a\":+1}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u00\"}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"unterminated}",
            "{\"a\":\"raw\ttab\"}", "{\"a\":\"raw\u0001control\"}", "{\"\\u0000\":1}", "{\"a\\u0000\":1}", "{\"a\":\"\\u0000\"}",
            "{\"a\":\"\\ud800\"}", "{\"" + "k".repeat(300) + "\":1}", "{\"a\":" + "9".repeat(100) + "}", "{\"a\":1" + "0".repeat(5000) + "}",
            "{\"a\":1e99999}", "{\"a\":-0.0000000000000000000000000000001e-9999}", "[" + "1,".repeat(1000) + "1]",
            "[".repeat(33) + "]".repeat(33), "[".repeat(10_000) + "]".repeat(10_000), "[".repeat(100_000),
            "{\"a\":".repeat(40) + "1" + "}".repeat(40), "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "\u0000", "\ufeff{}",
            "{\"a\":true,\"a\":false}", "{\"__proto__\":{\"admin\":true}}", "<?xml version=\"1.0\"?><a/>", "a=1&b=2", "---\na: 1\n");

    private static void bodies(ApiOperation operation, CorpusLimits limits, List<HostileCase> cases) {
        for (String body : BODIES) {
            cases.add(HostileCase.of("body", shorten(body), r -> r.jsonBody(body)));
        }
        cases.add(HostileCase.of("body", "empty (Content-Length: 0)", r -> r.body("application/json", new byte[0])));
        cases.add(HostileCase.expecting(413, "payload-too-large", "body", "twice the limit",
                r -> r.jsonBody("{\"a\":\"" + "a".repeat((int) limits.maxBodyBytes() * 2) + "\"}")));
        cases.add(HostileCase.expecting(413, "payload-too-large", "body", "the limit + 1 byte",
                r -> r.body("application/json", padded((int) limits.maxBodyBytes() + 1))));
        cases.add(HostileCase.of("body", "nested one level deeper than allowed",
                r -> r.jsonBody("[".repeat(limits.maxJsonDepth() + 1) + "]".repeat(limits.maxJsonDepth() + 1))));
        for (String[] form : new String[][] {{"application/x-www-form-urlencoded", "a=%zz&b=%"}, {"application/x-www-form-urlencoded", "a=" + "b".repeat(10_000)},
                {"application/x-www-form-urlencoded", "x=1&".repeat(2000)}, {"multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"},
                {"multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../x\"\r\n\r\nA\r\n--xyz--"},
                {"multipart/form-data", "no boundary"}, {"text/csv", "a,b\n\u0000,2"}}) {
            cases.add(HostileCase.of("body", form[0] + ": " + shorten(form[1]), r -> r.body(form[0], form[1].getBytes(StandardCharsets.UTF_8))));
        }
        JsonNode example = operation.exampleBody() == null ? NODES.objectNode() : operation.exampleBody();
        String json = ApiOperation.toJson(example);
        for (Map.Entry<String, Charset> encoding : Map.of("UTF-16LE", StandardCharsets.UTF_16LE, "UTF-16BE", StandardCharsets.UTF_16BE,
                "UTF-16 with BOM", StandardCharsets.UTF_16, "UTF-32BE", Charset.forName("UTF-32BE"), "ISO-8859-1 é", StandardCharsets.ISO_8859_1).entrySet()) {
            String text = encoding.getKey().startsWith("ISO") ? withFirstString(example, "caf\u00e9") : json;
            cases.add(HostileCase.of("body", "example as " + encoding.getKey(), r -> r.body("application/json", text.getBytes(encoding.getValue()))));
        }
        cases.add(HostileCase.of("body", "example with a UTF-8 byte order mark", r -> r.body("application/json", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, json))));
        for (Map.Entry<String, byte[]> bytes : Map.of("0xFF", new byte[] {(byte) 0xff}, "overlong NUL C0 80", new byte[] {(byte) 0xc0, (byte) 0x80},
                "CESU-8 surrogate ED A0 80", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "truncated E2 82", new byte[] {(byte) 0xe2, (byte) 0x82},
                "beyond U+10FFFF F4 90 80 80", new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}).entrySet()) {
            cases.add(HostileCase.of("body", "invalid UTF-8 in a string: " + bytes.getKey(), r -> r.body("application/json", withRawBytes(example, bytes.getValue()))));
        }
        for (Map.Entry<String, JsonNode> extra : Map.<String, JsonNode>of("__proto__", NODES.objectNode().put("admin", true),
                "constructor", NODES.objectNode().set("prototype", NODES.objectNode()), "", NODES.numberNode(1), "id", NODES.textNode(UUID.randomUUID().toString()),
                "createdAt", NODES.textNode("2000-01-01T00:00:00Z"), "$where", NODES.textNode("1==1"), "accountId", NODES.textNode(UUID.randomUUID().toString()),
                "role", NODES.textNode("admin")).entrySet()) {
            cases.add(HostileCase.of("body", "example + unknown field '" + extra.getKey() + "'", r -> r.jsonBody(ApiOperation.toJson(
                    ((ObjectNode) copyObject(example)).set(extra.getKey(), extra.getValue())))));
        }
        cases.add(HostileCase.of("body", "example as an array", r -> r.jsonBody("[" + json + "]")));
        cases.add(HostileCase.of("body", "example wrapped in {\"data\":…}", r -> r.jsonBody("{\"data\":" + json + "}")));
        cases.add(HostileCase.of("body", "example twice", r -> r.jsonBody(json + json)));
        cases.add(HostileCase.of("body", "example + trailing garbage", r -> r.jsonBody(json + " x")));
        cases.add(HostileCase.of("body", "example truncated", r -> r.jsonBody(json.substring(0, Math.max(1, json.length() - 1)))));
    }

    // ------------------------------------------------------------------ body fields

    private static void fields(ApiOperation operation, JsonNode openApi, List<HostileCase> cases) {
        if (operation.bodySchema() == null || !(operation.exampleBody() instanceof ObjectNode example)) {
            return;
        }
        for (ApiOperation.Field field : operation.fields(openApi)) {
            String type = field.schema().path("type").isArray() ? field.schema().path("type").get(0).asText() : field.schema().path("type").asText("object");
            List<Map.Entry<String, String>> values = new ArrayList<>(switch (type) {
                case "string" -> stringSpoilers(field.schema());
                case "integer" -> List.of(Map.entry("\"1\"", "\"1\""), Map.entry("1.5", "1.5"), Map.entry("1e2", "1e2"), Map.entry("1e400", "1e400"),
                        Map.entry("99999999999999999999", "99999999999999999999"), Map.entry("-99999999999999999999", "-99999999999999999999"),
                        Map.entry("true", "true"), Map.entry("\"\"", "\"\""), Map.entry("{}", "{}"), Map.entry("[]", "[]"),
                        Map.entry("\"\\u0000\"", "\"\\u0000\""), Map.entry("-2147483649", "-2147483649"));
                case "number" -> List.of(Map.entry("\"1\"", "\"1\""), Map.entry("true", "true"), Map.entry("{}", "{}"), Map.entry("[]", "[]"),
                        Map.entry("\"NaN\"", "\"NaN\""), Map.entry(" " + "1".repeat(80), "1".repeat(80)));
                case "boolean" -> List.of(Map.entry("\"true\"", "\"true\""), Map.entry("1", "1"), Map.entry("0", "0"), Map.entry("\"yes\"", "\"yes\""),
                        Map.entry("{}", "{}"));
                case "array" -> List.of(Map.entry("\"x\"", "\"x\""), Map.entry("{}", "{}"), Map.entry("1", "1"), Map.entry("[\"\\u0000\"]", "[\"\\u0000\"]"),
                        Map.entry("[[[[]]]]", "[[[[]]]]"), Map.entry("10001 items", "[" + "1,".repeat(10_000) + "1]"));
                default -> List.of(Map.entry("\"x\"", "\"x\""), Map.entry("1", "1"), Map.entry("[]", "[]"), Map.entry("true", "true"),
                        Map.entry("{\"\\u0000\":1}", "{\"\\u0000\":1}"), Map.entry("nested 40 deep", "{\"a\":".repeat(40) + "1" + "}".repeat(40)));
            });
            for (Map.Entry<String, String> value : values) {
                cases.add(HostileCase.of("field", field.name() + " = " + shorten(value.getKey()), r -> r.jsonBody(replace(example, field.path(), value.getValue()))));
            }
            cases.add(HostileCase.of("field", field.name() + " twice", r -> r.jsonBody(duplicate(example, field.path()))));
        }
    }

    private static List<Map.Entry<String, String>> stringSpoilers(JsonNode schema) {
        List<Map.Entry<String, String>> values = new ArrayList<>(List.of(Map.entry("NUL", "\"\\u0000\""), Map.entry("a NUL b", "\"a\\u0000b\""),
                Map.entry("lone high surrogate", "\"\\ud800\""), Map.entry("lone low surrogate", "\"\\udfff\""),
                Map.entry("surrogates reversed", "\"\\udc00\\ud800\""), Map.entry("two high surrogates", "\"\\ud800\\ud800\""),
                Map.entry("U+0001", "\"\\u0001\""), Map.entry("terminal escape", "\"\\u001b[31mred\""), Map.entry("bell", "\"\\u0007\""),
                Map.entry("DEL", "\"\\u007f\""), Map.entry("NEL (C1)", "\"\\u0085\""), Map.entry("1", "1"), Map.entry("1.5", "1.5"),
                Map.entry("-1", "-1"), Map.entry("true", "true"), Map.entry("{}", "{}"), Map.entry("[]", "[]"), Map.entry("[\"x\"]", "[\"x\"]"),
                Map.entry("100,000 characters", "\"" + "x".repeat(100_000) + "\"")));
        if (schema.has("enum") || "uuid".equals(schema.path("format").asText())) {
            values.add(Map.entry("not a value", "\"not-a-value\""));
        }
        return values;
    }

    private static void methods(List<HostileCase> cases) {
        for (String method : List.of("FOO", "PROPFIND", "TRACE", "CONNECT", "get", "M-SEARCH", "BREW")) {
            cases.add(HostileCase.expecting(405, "method-not-allowed", "method", method, r -> method(r, method)));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static RawRequest target(RawRequest r, String path) {
        r.target = path;
        return r;
    }

    private static RawRequest query(RawRequest r, String query) {
        r.target = r.target + "?" + query;
        return r;
    }

    private static RawRequest method(RawRequest r, String method) {
        r.method = method;
        return r;
    }

    private static byte[] bodyOf(RawRequest r) {
        return r.body != null ? r.body : "{}".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padded(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';
        return body;
    }

    private static byte[] concat(byte[] prefix, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + text.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(text, 0, all, prefix.length, text.length);
        return all;
    }

    private static JsonNode copyObject(JsonNode example) {
        return example instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
    }

    /** The example with its first string value replaced; or a one-field object when it has none. */
    private static String withFirstString(JsonNode example, String value) {
        JsonNode copy = copyObject(example);
        if (copy instanceof ObjectNode object) {
            for (var it = object.fields(); it.hasNext(); ) {
                var field = it.next();
                if (field.getValue().isTextual()) {
                    object.put(field.getKey(), value);
                    return ApiOperation.toJson(object);
                }
            }
            object.put("corpus", value);
            return ApiOperation.toJson(object);
        }
        return "{\"corpus\":\"" + value + "\"}";
    }

    private static byte[] withRawBytes(JsonNode example, byte[] raw) {
        String json = withFirstString(example, "ab" + "MARKER_HERE");
        int at = json.indexOf("MARKER_HERE");
        byte[] before = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = json.substring(at + "MARKER_HERE".length()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + raw.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(raw, 0, all, before.length, raw.length);
        System.arraycopy(after, 0, all, before.length + raw.length, after.length);
        return all;
    }

    /** The example with the value at {@code path} replaced by raw JSON text (which may be invalid JSON on purpose). */
    private static String replace(ObjectNode example, List<String> path, String rawValue) {
        ObjectNode copy = example.deepCopy();
        String marker = "__CORPUS_VALUE_" + UUID.randomUUID().toString().replace("-", "") + "__";
        ObjectNode parent = parentOf(copy, path);
        parent.put(path.get(path.size() - 1), marker);
        return ApiOperation.toJson(copy).replace("\"" + marker + "\"", rawValue);
    }

    /** The example with the field at {@code path} written twice (the second time with another value). */
    private static String duplicate(ObjectNode example, List<String> path) {
        ObjectNode copy = example.deepCopy();
        ObjectNode parent = parentOf(copy, path);
        String name = path.get(path.size() - 1);
        JsonNode value = parent.has(name) ? parent.get(name) : NODES.textNode("x");
        String marker = "__CORPUS_DUP_" + UUID.randomUUID().toString().replace("-", "") + "__";
        parent.put(marker, 0);
        return ApiOperation.toJson(copy).replace("\"" + marker + "\":0",
                "\"" + name + "\":" + ApiOperation.toJson(value) + ",\"" + name + "\":" + ApiOperation.toJson(value));
    }

    private static ObjectNode parentOf(ObjectNode root, List<String> path) {
        ObjectNode parent = root;
        for (String segment : path.subList(0, path.size() - 1)) {
            if (!(parent.get(segment) instanceof ObjectNode)) {
                parent.set(segment, NODES.objectNode());
            }
            parent = (ObjectNode) parent.get(segment);
        }
        return parent;
    }

    private static String changedPayload(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("test-admin", "test-admix");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"x\",\"exp\":4102444800,"
                + "\"realm_access\":{\"roles\":[\"admin\"]}}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static String foreignSigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(TestTokens.ISSUER).subject("intruder").claim("realm_access", Map.of("roles", List.of("admin")))
                    .jws().keyId("licenseflow-test").sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shorten(String text) {
        String visible = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0");
        return visible.length() > 60 ? visible.substring(0, 40) + "…<" + visible.length() + " chars>" : visible;
    }
}
