package com.mspimporter.onboarding;

/** The API calls that onboard a row, in the order they are made. */
public enum Step {

    CREATE_CUSTOMER("create_customer"),
    ONBOARDING_LINK("onboarding_link"),
    CREATE_INTEGRATION("create_integration"),
    ADD_USERS("add_users");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** Returns the name used in the {@code failed_step} column of the results file. */
    public String label() {
        return label;
    }

    public static Step fromLabel(String label) {
        for (Step step : values()) {
            if (step.label.equals(label)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown step: " + label);
    }
}
