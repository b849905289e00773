package com.mspimporter.standin;

import java.util.regex.Pattern;

/** The four calls of the onboarding API that the stand-in serves, each a {@code POST} to a path. */
public enum Endpoint {

    CREATE_CUSTOMER("/msp/customers"),
    ONBOARDING_LINK("/onboarding/aws/cloudformation-link"),
    CREATE_INTEGRATION("/msp/customers/[^/]+/integrations"),
    ADD_USERS("/msp/customers/[^/]+/users");

    private final String pathRegex;
    private final Pattern pathPattern;

    Endpoint(String pathRegex) {
        this.pathRegex = pathRegex;
        this.pathPattern = Pattern.compile(pathRegex);
    }

    /** Returns the regular expression that the request path must match, for WireMock URL matchers. */
    public String pathRegex() {
        return pathRegex;
    }

    /** Tells whether a request path, without its query, belongs to this call. */
    public boolean matches(String path) {
        return pathPattern.matcher(path).matches();
    }
}
