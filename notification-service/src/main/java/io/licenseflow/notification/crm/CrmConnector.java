package io.licenseflow.notification.crm;

import io.licenseflow.events.crm.CrmAccountRecord;
import io.smallrye.mutiny.Uni;

/**
 * A CRM that receives every account's record. {@link #push} upserts the whole record (it is idempotent: pushing the
 * same or an older state again changes nothing a receiver keeps); it fails with a {@link CrmRefusal} saying whether to
 * try again.
 */
public interface CrmConnector {

    /** Its name in {@code licenseflow.crm.connectors} and in the sync state. */
    String name();

    /** Fails at start-up when enabled without what it needs. */
    void checkConfigured();

    Uni<Void> push(CrmAccountRecord record);
}
