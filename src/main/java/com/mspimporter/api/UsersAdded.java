package com.mspimporter.api;

import java.util.List;

/**
 * The answer to adding users.
 *
 * @param added the emails that were added
 * @param failed the emails that were not added, with the API's reason
 */
public record UsersAdded(List<String> added, List<FailedUser> failed) {

    public UsersAdded {
        added = List.copyOf(added);
        failed = List.copyOf(failed);
    }

    /** A user the API did not add, and why. */
    public record FailedUser(String email, String reason) {
    }
}
