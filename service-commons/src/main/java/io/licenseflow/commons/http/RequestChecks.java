package io.licenseflow.commons.http;

import io.licenseflow.commons.input.RequestLimits;
import io.licenseflow.commons.input.StoredText;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What no endpoint should have to parse, checked in the order the answer depends on: the size of the request line
 * and headers, the headers' syntax, the method, the URI, then what the headers say of the body. Each violation is the
 * problem to answer; docs/errors.md lists them.
 */
final class RequestChecks {

    static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    /** Methods whose bodies endpoints read; a body sent with another method is left unread. */
    static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** Headers a request may carry once: a second value would leave it ambiguous which one counts. */
    private static final Set<String> SINGLE_VALUED = Set.of("host", "content-type", "content-length", "transfer-encoding",
            "authorization", "idempotency-key");
    /** A JWS in compact serialisation (RFC 7515 §7.1); the signature may be empty so that alg=none reaches the verifier and fails there. */
    private static final Pattern JWS_COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final RequestLimits limits;

    RequestChecks(RequestLimits limits) {
        this.limits = limits;
    }

    /** The first violation, or null when the request may reach the routes. */
    Problem violation(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > limits.maxUriLength()) {
            return Problem.of(ProblemCode.URI_TOO_LONG, "the request URI has " + uri.length() + " characters; at most "
                    + limits.maxUriLength() + " are accepted");
        }
        Problem headers = headerViolation(request.headers());
        if (headers != null) {
            return headers;
        }
        if (!METHODS.contains(request.method())) {
            return Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "unknown method " + request.method().name());
        }
        String uriProblem = RequestTarget.firstProblem(uri, request.path(), request.query(), limits.maxQueryParameters());
        if (uriProblem != null) {
            return Problem.of(ProblemCode.INVALID_URI, uriProblem);
        }
        if (request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
            return Problem.of(ProblemCode.INVALID_HEADER, "the Host header is missing or is not host[:port]");
        }
        return bodyViolation(request.headers());
    }

    private Problem headerViolation(MultiMap headers) {
        int count = 0;
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            count++;
            bytes += header.getKey().length() + header.getValue().length();
        }
        if (count > limits.maxHeaderCount() || bytes > limits.maxHeaderBytes()) {
            return Problem.of(ProblemCode.HEADERS_TOO_LARGE, "the request has " + count + " header fields of " + bytes
                    + " bytes; at most " + limits.maxHeaderCount() + " fields of " + limits.maxHeaderBytes() + " bytes are accepted");
        }
        for (String name : headers.names()) {
            if (SINGLE_VALUED.contains(name.toLowerCase(Locale.ROOT)) && headers.getAll(name).size() > 1) {
                return Problem.of(ProblemCode.INVALID_HEADER, name + " may appear only once");
            }
            for (String value : headers.getAll(name)) {
                String problem = StoredText.firstProblemInHeader(value);
                if (problem != null) {
                    return Problem.of(ProblemCode.INVALID_HEADER, name + " contains " + problem);
                }
            }
        }
        String authorization = headers.get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !JWS_COMPACT.matcher(authorization.substring(7).strip()).matches()) {
            return Problem.of(ProblemCode.UNAUTHENTICATED, "the bearer token is not a JSON Web Token (three base64url parts)");
        }
        for (String accept : headers.getAll(HttpHeaders.ACCEPT)) {
            if (!MediaTypes.isValidAccept(accept)) {
                return Problem.of(ProblemCode.INVALID_HEADER, "Accept is not a list of media ranges (RFC 9110 §12.5.1)");
            }
        }
        String transfer = headers.get(HttpHeaders.TRANSFER_ENCODING);
        if (transfer != null && !transfer.strip().equalsIgnoreCase("chunked")) {
            return Problem.of(ProblemCode.INVALID_HEADER, "Transfer-Encoding may only be chunked");
        }
        return null;
    }

    private Problem bodyViolation(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length != null && Long.parseLong(length.strip()) > limits.maxBodySize().asLongValue()) {
            return Problem.of(ProblemCode.PAYLOAD_TOO_LARGE, "the body has " + length.strip() + " bytes; at most "
                    + limits.maxBodySize().asLongValue() + " are accepted");
        }
        for (String encoding : headers.getAll(HttpHeaders.CONTENT_ENCODING)) {
            if (!encoding.strip().equalsIgnoreCase("identity")) {
                return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "content codings (" + encoding + ") are not supported: send the body as is");
            }
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return hasBody(headers) ? Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "a request with a body must say its Content-Type: application/json") : null;
        }
        MediaTypes.ContentType contentType = MediaTypes.contentType(type);
        if (contentType == null) {
            return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type is not a media type (RFC 9110 §8.3.1)");
        }
        if (contentType.isJson() && !contentType.isUtf8()) {
            return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "JSON must be UTF-8 (RFC 8259 §8.1), not " + contentType.charset());
        }
        return null;
    }

    /** Netty has already refused a Content-Length that is not a number, and a request with two. */
    static boolean hasBody(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return headers.contains(HttpHeaders.TRANSFER_ENCODING) || length != null && !length.strip().equals("0");
    }

    static boolean isJsonBody(MultiMap headers) {
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        MediaTypes.ContentType contentType = type == null ? null : MediaTypes.contentType(type);
        return contentType != null && contentType.isJson();
    }
}
