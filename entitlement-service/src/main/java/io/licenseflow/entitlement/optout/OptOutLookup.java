package io.licenseflow.entitlement.optout;

import io.licenseflow.commons.optout.OptOutView;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.verifier.OptOuts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What may not be collected for a license's account and, when named, a machine (its activation fingerprint) and a user:
 * each subject's opt-outs as the view holds them, a subject that never chose anything taking its account's defaults
 * (version 0), and their union (docs/optout.md#enforcement).
 */
@ApplicationScoped
public class OptOutLookup {

    private final OptOutView view;

    public OptOutLookup(OptOutView view) {
        this.view = view;
    }

    public OptOuts of(UUID accountId, String fingerprint, String user) {
        OptOutView.State account = view.account(accountId);
        List<String> defaults = account == null ? List.of() : account.subjectDefaults();
        OptOuts.Subject accountSubject = subject(accountId, OptOutSubject.ACCOUNT, accountId.toString());
        OptOuts.Subject machine = fingerprint == null ? null : subject(accountId, OptOutSubject.MACHINE, fingerprint);
        OptOuts.Subject person = user == null ? null : subject(accountId, OptOutSubject.USER, user);
        TreeSet<String> union = new TreeSet<>(accountSubject.optedOut());
        if (machine != null) {
            union.addAll(machine.optedOut());
        }
        if (person != null) {
            union.addAll(person.optedOut());
        }
        return new OptOuts(List.copyOf(union), accountSubject, machine, person, defaults);
    }

    private OptOuts.Subject subject(UUID accountId, String kind, String id) {
        OptOutView.Effective effective = view.effective(accountId, kind, id);
        return new OptOuts.Subject(id, effective.version(), effective.optedOut());
    }
}
