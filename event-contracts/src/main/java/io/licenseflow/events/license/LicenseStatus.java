package io.licenseflow.events.license;

/** Where a license stands. SUSPENDED can be reinstated; REVOKED is final; EXPIRED can be renewed. */
public enum LicenseStatus { ACTIVE, SUSPENDED, REVOKED, EXPIRED }
