package com.mspimporter.api;

/** The four platform calls, with the words that messages and log lines use for each. */
enum CallKind {

    CREATE_CUSTOMER("create_customer", "creating the customer", true),
    ONBOARDING_LINK("onboarding_link", "requesting the onboarding link", false),
    CREATE_INTEGRATION("create_integration", "creating the integration", true),
    ADD_USERS("add_users", "adding users", false);

    private final String stepName;
    private final String action;
    private final boolean create;

    CallKind(String stepName, String action, boolean create) {
        this.stepName = stepName;
        this.action = action;
        this.create = create;
    }

    /** Returns the step name, as the results file writes it. */
    String stepName() {
        return stepName;
    }

    /** Returns the call as a gerund phrase, for example "adding users". */
    String action() {
        return action;
    }

    /** Returns the call as a gerund phrase with a capital first letter, to start a sentence. */
    String actionAtSentenceStart() {
        return Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }

    /**
     * Returns whether the call creates a resource. A create call is re-sent only after a failure
     * that proves the platform did not act on it.
     */
    boolean isCreate() {
        return create;
    }
}
