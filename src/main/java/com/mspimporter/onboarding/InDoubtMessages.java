package com.mspimporter.onboarding;

/** The {@code error} text of an {@code IN_DOUBT} row: what happened, what to check, and how to resolve it. */
final class InDoubtMessages {

    private InDoubtMessages() {
    }

    static String customer(String name, String cause) {
        return "The request to create customer '" + name + "' may have taken effect, but its answer was lost ("
                + stripPeriod(cause) + "). Check on the platform whether the customer exists: if it does, put its"
                + " id in the customer_id column and import the file again; if it does not, run with --retry-failed"
                + " --importer.retry.resend-in-doubt=true.";
    }

    static String integration(String name, String cause) {
        return "The request to create integration '" + name + "' may have taken effect, but its answer was lost ("
                + stripPeriod(cause) + "). Check the customer's integrations on the platform: if it is missing,"
                + " run with --retry-failed --importer.retry.resend-in-doubt=true.";
    }

    private static String stripPeriod(String text) {
        return text != null && text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
