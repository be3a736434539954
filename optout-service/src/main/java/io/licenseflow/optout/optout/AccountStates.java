package io.licenseflow.optout.optout;

import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.events.optout.SubjectOptOutState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes an account subject's state, whose {@code subjectDefaults} tell enforcement what a subject of the account
 * without choices is opted out of: when the account is created and when it adds a purpose. In the caller's transaction.
 */
@ApplicationScoped
public class AccountStates {

    private final SubjectStates states;
    private final Outbox outbox;

    public AccountStates(SubjectStates states, Outbox outbox) {
        this.states = states;
        this.outbox = outbox;
    }

    public Uni<Void> publish(UUID accountId) {
        SubjectKey key = new SubjectKey(accountId, new OptOutSubject(OptOutSubject.ACCOUNT, accountId.toString()));
        return states.load(key).chain(state -> outbox.publish(AggregateTypes.OPTOUT_STATE, key.text(), SubjectOptOutState.TYPE,
                SubjectOptOutState.SCHEMA_VERSION, state.event(Instant.now()))).replaceWithVoid();
    }
}
