package io.licenseflow.optout.gpc;

import io.licenseflow.optout.account.OptOutAccount;
import io.licenseflow.optout.identity.OptOutCaller;
import io.licenseflow.optout.optout.OptOutRecorder;
import io.licenseflow.optout.optout.Sources;
import io.licenseflow.optout.optout.SubjectKey;
import io.licenseflow.optout.purpose.BuiltInPurposes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Global Privacy Control: a request from an end user carrying {@code Sec-GPC: 1} records their opt-out of
 * {@code sale-or-sharing} with source {@code gpc} (CCPA §7025), unless their account does not honour GPC or they made
 * an explicit choice for it, which a signal never overrides. Runs in the caller's transaction; a signal already
 * recorded records nothing.
 */
@ApplicationScoped
public class GpcSignal {

    public static final String HEADER = "Sec-GPC";

    private final OptOutRecorder recorder;

    public GpcSignal(OptOutRecorder recorder) {
        this.recorder = recorder;
    }

    public Uni<Void> honour(String header, OptOutCaller caller) {
        OptOutCaller.OwnSubject own = caller.ownSubject();
        if (!"1".equals(header == null ? null : header.strip()) || own == null || !caller.isEndUser()) {
            return Uni.createFrom().voidItem();
        }
        return OptOutAccount.<OptOutAccount>findById(own.accountId()).chain(account -> account == null || !account.honoursGpc
                ? Uni.createFrom().voidItem()
                : recorder.apply(List.of(new OptOutRecorder.Change(0, new SubjectKey(own.accountId(), own.subject()), BuiltInPurposes.SALE_OR_SHARING,
                        true, null, Sources.GPC)), new OptOutRecorder.Actor(caller.actor(), caller.client())).replaceWithVoid());
    }
}
