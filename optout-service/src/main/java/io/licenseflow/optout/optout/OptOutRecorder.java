package io.licenseflow.optout.optout;

import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.optout.OptOutChanged;
import io.licenseflow.events.optout.SubjectOptOutState;
import io.licenseflow.optout.account.OptOutAccount;
import io.licenseflow.optout.audit.ComplianceEntry;
import io.licenseflow.optout.audit.ComplianceLog;
import io.licenseflow.optout.purpose.Purpose;
import io.licenseflow.optout.purpose.Purposes;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records changes of choices, inside the caller's transaction: per subject (in key order, so concurrent batches
 * cannot deadlock) it locks the subject's row, applies its changes in request order, bumps its version once per
 * change, appends each change to the compliance log, and writes {@code OptOutChanged} per change and one
 * {@code SubjectOptOutState} with the subject's new state to the outbox. A change that would not change the
 * subject's choice records nothing.
 *
 * <p>A GPC signal (source {@code gpc}) applies only where the subject has no explicit choice for the purpose.
 */
@ApplicationScoped
public class OptOutRecorder {

    /** One change to apply; {@code jurisdiction} null keeps the subject's. */
    public record Change(int index, SubjectKey key, String purpose, boolean optedOut, String jurisdiction, String source) {
    }

    /** Who makes the changes, as the log records it. */
    public record Actor(String name, String client) {
    }

    private record SubjectOutcome(List<ChangeResult> results, SubjectStateView state) {
    }

    /** An account the batch names, with its purposes: read once per batch. */
    private record AccountScope(OptOutAccount account, List<Purpose> purposes) {
    }

    private static final String INSERT_SUBJECT = """
            INSERT INTO optout_subject (account_id, kind, subject_id, version, jurisdiction, created_at, updated_at)
            VALUES (:account, :kind, :id, 0, :jurisdiction, now(), now()) ON CONFLICT DO NOTHING""";

    private final SubjectStates states;
    private final Purposes purposes;
    private final ComplianceLog log;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    public OptOutRecorder(SubjectStates states, Purposes purposes, ComplianceLog log, Outbox outbox, MeterRegistry metrics) {
        this.states = states;
        this.purposes = purposes;
        this.log = log;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Applies the changes, or none: a change naming an account this service does not know (400 unknown-account) or a
     * purpose its account does not have (400 unknown-purpose) refuses the batch before anything is written.
     */
    public Uni<BatchResult> apply(List<Change> changes, Actor actor) {
        Map<SubjectKey, List<Change>> bySubject = new TreeMap<>();
        changes.forEach(c -> bySubject.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
        return scopes(changes).invoke(scopes -> check(changes, scopes)).chain(scopes -> Multi.createFrom().iterable(bySubject.entrySet())
                .onItem().transformToUniAndConcatenate(e -> applyToSubject(e.getKey(), e.getValue(), scopes.get(e.getKey().accountId), actor))
                .collect().asList())
                .map(outcomes -> new BatchResult(
                        outcomes.stream().flatMap(o -> o.results().stream()).sorted(Comparator.comparingInt(ChangeResult::index)).toList(),
                        outcomes.stream().map(SubjectOutcome::state).toList()));
    }

    private Uni<Map<UUID, AccountScope>> scopes(List<Change> changes) {
        Set<UUID> accounts = changes.stream().map(c -> c.key().accountId).collect(Collectors.toCollection(LinkedHashSet::new));
        return Multi.createFrom().iterable(accounts)
                .onItem().transformToUniAndConcatenate(id -> OptOutAccount.<OptOutAccount>findById(id)
                        .chain(account -> account == null ? Uni.createFrom().item(Map.entry(id, new AccountScope(null, List.of())))
                                : purposes.of(id).map(all -> Map.entry(id, new AccountScope(account, all)))))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static void check(List<Change> changes, Map<UUID, AccountScope> scopes) {
        for (Change change : changes) {
            AccountScope scope = scopes.get(change.key().accountId);
            if (scope.account() == null) {
                throw new ProblemException(ProblemCode.UNKNOWN_ACCOUNT, "changes[" + change.index() + "].accountId", "no account " + change.key().accountId);
            }
            if (scope.purposes().stream().noneMatch(p -> p.name().equals(change.purpose()))) {
                throw new ProblemException(ProblemCode.UNKNOWN_PURPOSE, "changes[" + change.index() + "].purpose",
                        "the account has no purpose '" + change.purpose() + "'");
            }
        }
    }

    private Uni<SubjectOutcome> applyToSubject(SubjectKey key, List<Change> changes, AccountScope scope, Actor actor) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_SUBJECT)
                        .setParameter("account", key.accountId).setParameter("kind", key.kind).setParameter("id", key.subjectId)
                        .setParameter("jurisdiction", firstJurisdiction(changes, scope.account()))
                        .executeUpdate())
                .chain(() -> Subject.<Subject>findById(key, LockModeType.PESSIMISTIC_WRITE))
                .chain(subject -> Choice.<Choice>list("key.subject = ?1", key)
                        .chain(choices -> applyInOrder(scope.account(), subject, choices, scope.purposes(), changes, actor)));
    }

    private Uni<SubjectOutcome> applyInOrder(OptOutAccount account, Subject subject, List<Choice> choices, List<Purpose> all,
            List<Change> changes, Actor actor) {
        Map<String, Choice> byPurpose = new HashMap<>();
        choices.forEach(c -> byPurpose.put(c.key.purpose, c));
        List<ChangeResult> results = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Change change : changes) {
            chain = chain.chain(() -> applyOne(account, subject, byPurpose, all, change, actor).invoke(results::add)).replaceWithVoid();
        }
        return chain.chain(() -> {
            SubjectStateView state = states.compute(subject.key, account, subject, byPurpose.values(), all);
            if (results.stream().noneMatch(ChangeResult::changed)) {
                return Uni.createFrom().item(new SubjectOutcome(results, state));
            }
            return outbox.publish(AggregateTypes.OPTOUT_STATE, subject.key.text(), SubjectOptOutState.TYPE, SubjectOptOutState.SCHEMA_VERSION,
                    state.event(subject.updatedAt)).replaceWith(new SubjectOutcome(results, state));
        });
    }

    private Uni<ChangeResult> applyOne(OptOutAccount account, Subject subject, Map<String, Choice> byPurpose, List<Purpose> all,
            Change change, Actor actor) {
        SubjectStateView before = states.compute(subject.key, account, subject, byPurpose.values(), all);
        SubjectStateView.PurposeState previous = before.purpose(change.purpose());
        Choice existing = byPurpose.get(change.purpose());
        String jurisdiction = change.jurisdiction() != null ? change.jurisdiction() : subject.jurisdiction;
        boolean gpc = Sources.GPC.equals(change.source());
        boolean unchanged = existing != null && (gpc
                ? !existing.isGpcSignal() || existing.optedOut == change.optedOut()
                : existing.optedOut == change.optedOut() && existing.source.equals(change.source()) && jurisdiction.equals(subject.jurisdiction));
        if (unchanged) {
            return Uni.createFrom().item(new ChangeResult(change.index(), subject.key.accountId, subject.key.subject(), change.purpose(),
                    previous.optedOut(), false, subject.version, null));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subject.version++;
        subject.jurisdiction = jurisdiction;
        subject.updatedAt = now;
        Choice choice = existing != null ? existing : new Choice();
        boolean created = existing == null;
        choice.key = new Choice.Key(subject.key, change.purpose());
        choice.optedOut = change.optedOut();
        choice.source = change.source();
        choice.jurisdiction = jurisdiction;
        choice.effectiveAt = now;
        choice.version = subject.version;
        byPurpose.put(change.purpose(), choice);
        metrics.counter("licenseflow.optout.changes", "purpose", all.stream().anyMatch(p -> p.builtIn() && p.name().equals(change.purpose()))
                ? change.purpose() : "custom", "source", change.source(), "opted_out", Boolean.toString(change.optedOut())).increment();
        return (created ? choice.persist() : Uni.createFrom().item(choice))
                .chain(() -> log.append(entry(subject, change, previous, jurisdiction, actor)))
                .chain(entry -> outbox.publish(AggregateTypes.OPTOUT, subject.key.text(), OptOutChanged.TYPE, OptOutChanged.SCHEMA_VERSION,
                                new OptOutChanged(subject.key.accountId, subject.key.subject(), change.purpose(), change.optedOut(), previous.optedOut(),
                                        previous.basis(), change.source(), jurisdiction, now, subject.version, entry.seq))
                        .replaceWith(new ChangeResult(change.index(), subject.key.accountId, subject.key.subject(), change.purpose(),
                                change.optedOut(), true, subject.version, entry.seq)));
    }

    private static ComplianceEntry entry(Subject subject, Change change, SubjectStateView.PurposeState previous, String jurisdiction, Actor actor) {
        ComplianceEntry entry = new ComplianceEntry();
        entry.action = ComplianceEntry.CHOICE_RECORDED;
        entry.accountId = subject.key.accountId;
        entry.kind = subject.key.kind;
        entry.subjectId = subject.key.subjectId;
        entry.purpose = change.purpose();
        entry.optedOut = change.optedOut();
        entry.previous = (previous.optedOut() ? "opted-out" : "not-opted-out") + " (" + previous.basis() + ")";
        entry.source = change.source();
        entry.jurisdiction = jurisdiction;
        entry.subjectVersion = subject.version;
        entry.actor = actor.name();
        entry.client = actor.client();
        return entry;
    }

    private String firstJurisdiction(List<Change> changes, OptOutAccount account) {
        return changes.stream().map(Change::jurisdiction).filter(j -> j != null).findFirst().orElse(states.accountJurisdiction(account));
    }
}
