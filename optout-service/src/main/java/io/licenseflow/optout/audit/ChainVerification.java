package io.licenseflow.optout.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Walks the whole compliance log in sequence order and recomputes its chain: an entry whose hash does not match its
 * content was modified; one whose sequence number or previous hash does not follow the entry before it means entries
 * were deleted, inserted or reordered. Reads in chunks, each in its own session.
 */
@ApplicationScoped
public class ChainVerification {

    private static final int CHUNK = 1000;

    /** {@code valid} and the head (the last entry's sequence and hash), or the first broken entry and what is wrong. */
    public record Result(boolean valid, long entries, Long headSequence, String headHash, Long brokenAt, String problem, Instant checkedAt) {
    }

    private record Position(long entries, long lastSeq, String lastHash) {
    }

    public Uni<Result> verify() {
        return next(new Position(0, 0, ChainHash.GENESIS));
    }

    private Uni<Result> next(Position at) {
        return Panache.withSession(() -> ComplianceEntry.<ComplianceEntry>find("seq > ?1 order by seq", at.lastSeq()).page(0, CHUNK).list())
                .chain(chunk -> {
                    Position position = at;
                    for (ComplianceEntry e : chunk) {
                        String problem = check(position, e);
                        if (problem != null) {
                            return Uni.createFrom().item(new Result(false, position.entries(), null, null, e.seq, problem, Instant.now()));
                        }
                        position = new Position(position.entries() + 1, e.seq, e.hash);
                    }
                    if (chunk.size() < CHUNK) {
                        return Uni.createFrom().item(new Result(true, position.entries(), position.entries() == 0 ? null : position.lastSeq(),
                                position.entries() == 0 ? null : position.lastHash(), null, null, Instant.now()));
                    }
                    return next(position);
                });
    }

    private static String check(Position before, ComplianceEntry e) {
        if (e.seq != before.lastSeq() + 1) {
            return "entry " + e.seq + " follows entry " + before.lastSeq() + ": entries are missing or were renumbered";
        }
        if (!e.prevHash.equals(before.lastHash())) {
            return "entry " + e.seq + " does not link to entry " + before.lastSeq() + ": an entry was deleted, inserted or reordered";
        }
        if (!ChainHash.of(e.prevHash, e).equals(e.hash)) {
            return "entry " + e.seq + " does not match its hash: it was modified";
        }
        return null;
    }
}
