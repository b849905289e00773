package com.mspimporter.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts rows per reason in bounded memory: at most {@code maxReasons} distinct reasons, after which new reasons
 * are counted together, and at most {@code maxRowsPerReason} rows listed per reason.
 */
final class ReasonTally {

    static final String OTHER_REASONS = "Other reasons, not listed one by one because there are too many different"
            + " ones; see the error column of the results file.";

    private final int maxReasons;
    private final int maxRowsPerReason;
    private final Map<Key, Tally> tallies = new LinkedHashMap<>();

    ReasonTally(int maxReasons, int maxRowsPerReason) {
        this.maxReasons = maxReasons;
        this.maxRowsPerReason = maxRowsPerReason;
    }

    void add(String where, String reason, RowReference row) {
        Key key = new Key(where, reason);
        if (!tallies.containsKey(key) && tallies.size() >= maxReasons) {
            key = new Key("", OTHER_REASONS);
        }
        Tally tally = tallies.computeIfAbsent(key, unused -> new Tally());
        tally.count++;
        if (tally.rows.size() < maxRowsPerReason) {
            tally.rows.add(row);
        }
    }

    /** Returns the groups, most frequent first; groups with the same count keep the order they first appeared in. */
    List<ReasonGroup> groups() {
        List<ReasonGroup> groups = new ArrayList<>();
        tallies.forEach((key, tally) -> groups.add(new ReasonGroup(key.where(), key.reason(), tally.count,
                tally.rows)));
        groups.sort(Comparator.comparingLong(ReasonGroup::count).reversed());
        return groups;
    }

    private record Key(String where, String reason) {
    }

    private static final class Tally {

        private long count;
        private final List<RowReference> rows = new ArrayList<>();
    }
}
