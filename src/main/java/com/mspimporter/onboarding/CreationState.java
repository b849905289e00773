package com.mspimporter.onboarding;

/** How far the creation of a customer or an integration got, as recorded in the registry. */
public enum CreationState {

    /** Only for integrations: the AWS onboarding link was fetched, and no create call for it took effect. */
    LINKED,
    /** The create call is being sent; seen by a later run, it means the response was never recorded. */
    SENDING,
    /** The create call was sent and its response was lost, so it may or may not have taken effect. */
    IN_DOUBT,
    /** Created, and its id is known. */
    CREATED
}
