package com.mspimporter.standin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry of the customers that the stand-in created or was given at start, and of the names that
 * already had a create request. It is safe for concurrent requests.
 */
final class CustomerDirectory {

    private final Map<String, String> namesById = new ConcurrentHashMap<>();
    private final Set<String> namesSeenOnce = ConcurrentHashMap.newKeySet();

    CustomerDirectory(Map<String, String> existingNamesById) {
        namesById.putAll(existingNamesById);
    }

    /** Creates a customer with a new id and returns the id. */
    String create(String name) {
        String id = UUID.randomUUID().toString();
        namesById.put(id, name);
        return id;
    }

    /** Returns the name of a customer, or empty for an id that this stand-in neither issued nor was given. */
    Optional<String> nameOf(String customerId) {
        return Optional.ofNullable(namesById.get(customerId));
    }

    /**
     * Records a create request for a name and returns whether it is the first one, comparing names
     * trimmed and without regard to case. Of several concurrent first requests, exactly one gets
     * {@code true}.
     */
    boolean isFirstRequestFor(String name) {
        return namesSeenOnce.add(name.strip().toLowerCase(Locale.ROOT));
    }
}
