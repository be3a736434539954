package io.licenseflow.optout.optout;

import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.optout.account.OptOutAccount;
import io.licenseflow.optout.purpose.OptOutDefaults;
import io.licenseflow.optout.purpose.Purpose;
import io.licenseflow.optout.purpose.Purposes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes a subject's effective state from its choices, its account's purposes and the defaults. */
@ApplicationScoped
public class SubjectStates {

    public static final String CHOICE = "CHOICE";
    public static final String GPC = "GPC";
    public static final String DEFAULT = "DEFAULT";

    private final Purposes purposes;
    private final OptOutDefaults defaults;

    public SubjectStates(Purposes purposes, OptOutDefaults defaults) {
        this.purposes = purposes;
        this.defaults = defaults;
    }

    /** The subject's state as stored (version 0 and the defaults when it never chose). Needs a session. */
    public Uni<SubjectStateView> load(SubjectKey key) {
        return OptOutAccount.<OptOutAccount>findById(key.accountId).chain(account -> Subject.<Subject>findById(key)
                .chain(subject -> Choice.<Choice>list("key.subject = ?1", key)
                        .chain(choices -> purposes.of(key.accountId).map(all -> compute(key, account, subject, choices, all)))));
    }

    public SubjectStateView compute(SubjectKey key, OptOutAccount account, Subject subject, Collection<Choice> choices, List<Purpose> all) {
        String jurisdiction = subject != null ? subject.jurisdiction : accountJurisdiction(account);
        Map<String, Choice> byPurpose = choices.stream().collect(Collectors.toMap(c -> c.key.purpose, Function.identity()));
        List<SubjectStateView.PurposeState> states = new ArrayList<>();
        for (Purpose purpose : all) {
            Choice choice = byPurpose.get(purpose.name());
            states.add(choice != null
                    ? new SubjectStateView.PurposeState(purpose.name(), purpose.description(), choice.optedOut, choice.isGpcSignal() ? GPC : CHOICE,
                            choice.source, choice.jurisdiction, choice.effectiveAt, choice.version)
                    : new SubjectStateView.PurposeState(purpose.name(), purpose.description(), defaults.optedOutByDefault(purpose, jurisdiction),
                            DEFAULT, null, jurisdiction, null, null));
        }
        List<String> optedOut = states.stream().filter(SubjectStateView.PurposeState::optedOut).map(SubjectStateView.PurposeState::purpose).sorted().toList();
        List<String> subjectDefaults = null;
        if (OptOutSubject.ACCOUNT.equals(key.kind)) {
            String forSubjects = accountJurisdiction(account);
            subjectDefaults = all.stream().filter(p -> defaults.optedOutByDefault(p, forSubjects)).map(Purpose::name).sorted().toList();
        }
        return new SubjectStateView(key.accountId, key.subject(), subject == null ? 0 : subject.version, jurisdiction, optedOut, states, subjectDefaults);
    }

    public String accountJurisdiction(OptOutAccount account) {
        return account != null && account.jurisdiction != null ? account.jurisdiction : defaults.defaultJurisdiction();
    }
}
