package io.licenseflow.optout.optout;

import java.util.Set;

/** Where a choice came from. */
public final class Sources {

    public static final String API = "api";
    public static final String PORTAL = "portal";
    public static final String GPC = "gpc";
    public static final String ADMIN = "admin";
    public static final String IMPORT = "import";
    public static final Set<String> ALL = Set.of(API, PORTAL, GPC, ADMIN, IMPORT);

    private Sources() {
    }
}
