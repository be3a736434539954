package io.licenseflow.entitlement.activation;

/** An activation holds a seat while ACTIVE. */
public enum ActivationStatus { ACTIVE, DEACTIVATED }
