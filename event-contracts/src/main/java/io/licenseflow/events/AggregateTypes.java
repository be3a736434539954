package io.licenseflow.events;

/** Aggregate types, one topic each. */
public final class AggregateTypes {

    public static final String ACCOUNT = "account";
    public static final String LICENSE_TYPE = "license-type";
    public static final String LICENSE = "license";
    public static final String LICENSE_KEY = "license-key";
    public static final String ONBOARDING = "onboarding";
    /** Opt-out changes, keyed by subject. */
    public static final String OPTOUT = "optout";
    /** The latest opt-out state of each subject, keyed by subject: a compacted topic. */
    public static final String OPTOUT_STATE = "optout-state";
    /** What became of customer notices (notification-service), keyed by account. */
    public static final String NOTICE = "notice";
    /** CRM synchronisations given up on: the dead-letter topic of CRM sync, keyed by account. */
    public static final String CRM_DEAD_LETTER = "crm-dead-letter";

    private AggregateTypes() {
    }
}
