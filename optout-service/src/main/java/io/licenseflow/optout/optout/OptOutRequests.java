package io.licenseflow.optout.optout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.http.IdempotencyKey;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Idempotency-Key for batches, per caller: the first request's answer is kept; a retry with the same key and body gets
 * it again, unchanged (and changes nothing); the same key with another body is refused (409 idempotency-key-reused).
 * Runs inside the batch's transaction, under an advisory lock on the key, so concurrent retries apply once.
 */
@ApplicationScoped
public class OptOutRequests {

    /** An answer, and whether it replays an earlier request's. */
    public record Answer(BatchResult result, boolean replayed) {
    }

    private final ObjectMapper json;

    public OptOutRequests(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Answer> once(String caller, String idempotencyKey, ChangeBatch batch, Supplier<Uni<BatchResult>> apply) {
        if (idempotencyKey == null) {
            return apply.get().map(r -> new Answer(r, false));
        }
        String requestHash = IdempotencyKey.fingerprint(write(batch));
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                        .setParameter("k", caller + "\n" + idempotencyKey).getSingleResult()
                        .chain(() -> session.createNativeQuery("SELECT request_hash, answer FROM optout_request WHERE caller = :c AND idempotency_key = :k",
                                Object[].class).setParameter("c", caller).setParameter("k", idempotencyKey).getResultList())
                        .chain(rows -> {
                            if (!rows.isEmpty()) {
                                if (!requestHash.equals(rows.get(0)[0])) {
                                    throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                                            "Idempotency-Key '" + idempotencyKey + "' was used for another request");
                                }
                                return Uni.createFrom().item(new Answer(read((String) rows.get(0)[1]), true));
                            }
                            return apply.get().chain(result -> session.createNativeQuery("""
                                            INSERT INTO optout_request (caller, idempotency_key, request_hash, answer, created_at)
                                            VALUES (:c, :k, :h, :a, now())""")
                                    .setParameter("c", caller).setParameter("k", idempotencyKey).setParameter("h", requestHash)
                                    .setParameter("a", write(result)).executeUpdate().replaceWith(new Answer(result, false)));
                        }));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BatchResult read(String text) {
        try {
            return json.readValue(text, BatchResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
