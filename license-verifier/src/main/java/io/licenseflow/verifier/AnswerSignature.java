package io.licenseflow.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature of a validation answer: HTTP Message Signatures (RFC 9421), label {@code sig1}, covering the status
 * and {@code Content-Digest} (RFC 9530, {@code sha-256}) of the exact body bytes, {@code alg="ed25519"}, {@code keyid}
 * a key of the JWKS. One definition for the service that signs and the verifier that checks:
 *
 * <pre>
 * Content-Digest: sha-256=:&lt;base64 SHA-256 of the body&gt;:
 * Signature-Input: sig1=("@status" "content-digest");created=1763899200;keyid="lf-20261123-1a2b3c4d";alg="ed25519"
 * Signature: sig1=:&lt;base64 Ed25519 signature of the signature base&gt;:
 * </pre>
 *
 * The signature base (RFC 9421 §2.5) is the three lines {@code "@status": 200}, {@code "content-digest": <value>},
 * {@code "@signature-params": <the Signature-Input value after "sig1=">}, joined by a line feed, with none at the end.
 */
public final class AnswerSignature {

    public static final String LABEL = "sig1";
    private static final Pattern INPUT = Pattern.compile(
            "sig1=\\(\"@status\" \"content-digest\"\\);created=(\\d{1,12});keyid=\"([A-Za-z0-9._-]{1,64})\";alg=\"ed25519\"");
    private static final Pattern SIGNATURE = Pattern.compile("sig1=:([A-Za-z0-9+/=]{1,200}):");

    private AnswerSignature() {
    }

    /** The Content-Digest header value of {@code body}. */
    public static String contentDigest(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** The signature parameters: covered components, creation time (seconds) and key. */
    public static String parameters(long created, String kid) {
        return "(\"@status\" \"content-digest\");created=" + created + ";keyid=\"" + kid + "\";alg=\"ed25519\"";
    }

    /** The Signature-Input header value. */
    public static String signatureInput(String parameters) {
        return LABEL + "=" + parameters;
    }

    /** The Signature header value. */
    public static String signature(byte[] ed25519Signature) {
        return LABEL + "=:" + Base64.getEncoder().encodeToString(ed25519Signature) + ":";
    }

    /** The bytes that are signed. */
    public static byte[] base(int status, String contentDigest, String parameters) {
        return ("\"@status\": " + status + "\n\"content-digest\": " + contentDigest + "\n\"@signature-params\": " + parameters)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** What a Signature-Input header of ours says, or null when it is not one. */
    record Input(long created, String kid, String parameters) {

        static Input parse(String header) {
            Matcher m = header == null ? null : INPUT.matcher(header.strip());
            return m == null || !m.matches() ? null : new Input(Long.parseLong(m.group(1)), m.group(2), header.strip().substring(LABEL.length() + 1));
        }
    }

    /** The signature bytes of a Signature header of ours, or null. */
    static byte[] signatureBytes(String header) {
        Matcher m = header == null ? null : SIGNATURE.matcher(header.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value of a header, whatever the case of its name. */
    static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
