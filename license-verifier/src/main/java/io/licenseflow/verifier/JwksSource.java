package io.licenseflow.verifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the issuer's public keys (a JWKS, RFC 7517) come from: its {@code /.well-known/jwks.json}, a file, or text. */
@FunctionalInterface
public interface JwksSource {

    /** The JWKS document as it stands now. */
    String read() throws IOException;

    /** Fetched over HTTP(S) each time the verifier refreshes (at first use, and when it meets an unknown {@code kid}). */
    static JwksSource url(URI jwksUri) {
        // HTTP/1.1: no h2c upgrade dance on plain-http URLs (seen to leave a request unanswered past its timeout).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
            try {
                HttpResponse<String> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .get(15, java.util.concurrent.TimeUnit.SECONDS);
                if (response.statusCode() != 200) {
                    throw new IOException(jwksUri + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + jwksUri, e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("could not fetch " + jwksUri + ": " + e, e);
            }
        };
    }

    /** Read from a file (a JWKS shipped with the product, or cached by it), again at each refresh. */
    static JwksSource file(Path path) {
        return () -> Files.readString(path);
    }

    /** A fixed document. */
    static JwksSource of(String jwks) {
        return () -> jwks;
    }
}
