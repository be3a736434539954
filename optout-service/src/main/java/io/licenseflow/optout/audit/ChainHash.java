package io.licenseflow.optout.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The compliance log's hash chain: an entry's hash is the SHA-256 (hex) of the previous entry's hash, a line feed,
 * and the entry's fields in a fixed order, one per line (absent ones empty; the time in ISO-8601 to microseconds).
 * The first entry follows {@link #GENESIS}. Anyone holding an export can recompute it (docs/optout.md).
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String previousHash, ComplianceEntry e) {
        String text = String.join("\n", previousHash, Long.toString(e.seq), e.recordedAt.truncatedTo(ChronoUnit.MICROS).toString(),
                e.action, e.accountId.toString(), text(e.kind), text(e.subjectId), text(e.purpose), text(e.optedOut),
                text(e.previous), text(e.source), text(e.jurisdiction), text(e.subjectVersion), e.actor, text(e.client),
                text(e.requestId), text(e.detail));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, "").replace("\\", "\\\\").replace("\n", "\\n");
    }
}
