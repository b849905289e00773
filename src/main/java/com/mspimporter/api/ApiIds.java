package com.mspimporter.api;

/** The rule for ids that the client puts into a URL path segment or a header. */
final class ApiIds {

    private ApiIds() {
    }

    /**
     * Returns whether the id can be sent: not blank, no control characters (which a header cannot carry),
     * and not {@code .} or {@code ..}, which a server would read as a step in the path rather than an id.
     */
    static boolean isUsable(String id) {
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..")) {
            return false;
        }
        return id.chars().noneMatch(Character::isISOControl);
    }
}
