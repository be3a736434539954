package io.licenseflow.optout.purpose;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The purposes of an account: the built-in ones, then those it added, by name. */
@ApplicationScoped
public class Purposes {

    public Uni<List<Purpose>> of(UUID accountId) {
        return AccountPurpose.<AccountPurpose>list("key.accountId = ?1 order by key.name", accountId).map(added -> {
            List<Purpose> all = new ArrayList<>(BuiltInPurposes.ALL);
            added.forEach(p -> all.add(p.purpose()));
            return all;
        });
    }
}
