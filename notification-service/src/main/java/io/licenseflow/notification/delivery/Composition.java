package io.licenseflow.notification.delivery;

import io.licenseflow.notification.template.RenderedNotice;

/** What to do with a due notice. */
public sealed interface Composition {

    /** Its recipient or license is not known yet ({@code waitingFor}): it waits until the event that brings it. */
    record Waiting(String waitingFor, String reason) implements Composition {
    }

    /** It cannot be decided yet (this replica's opt-out view has not read the state topic): tried again shortly. */
    record Deferred(String reason) implements Composition {
    }

    /** It can never be sent (its key hand-off cannot be opened, its template does not render). */
    record Unsendable(String reason) implements Composition {
    }

    /** A lifecycle notice whose recipient opted out of marketing-email. */
    record Suppressed(OptOutCheck optOut) implements Composition {
    }

    record Ready(String to, String locale, RenderedNotice rendered, String unsubscribeUrl, OptOutCheck optOut) implements Composition {
    }

    /**
     * The opt-out decision and what it saw: {@code decision} not-applicable (transactional), allowed or suppressed;
     * {@code subject} the subject whose state decided (or the account's, when none opted out) and its state's version.
     */
    record OptOutCheck(String decision, String subject, long version) {
    }
}
