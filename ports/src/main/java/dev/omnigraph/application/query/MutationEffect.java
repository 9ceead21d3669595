package dev.omnigraph.application.query;

import dev.omnigraph.domain.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one mutation query does to one snapshot, decided before any write: the records to upsert, in the
 * JSONL load envelope shape ({@code {"type":…,"data":{…}}} / {@code {"edge":…,"from":…,"to":…,"data":{…}}},
 * every record carrying its {@code data.id} when it already has one), and the ids to delete per table key.
 * The engine validates the upserts exactly as it validates loaded data, then writes and publishes once.
 *
 * @param upserts constructive effects, in statement order; a later record for the same entity wins
 * @param deletions destructive effects: table key ({@code node:T}/{@code edge:E}) → ids, cascades included
 * @param affectedNodes nodes inserted, updated or deleted (the reference's {@code affectedNodes})
 * @param affectedEdges edges inserted or deleted, cascaded ones included
 */
public record MutationEffect(List<JsonObject> upserts, Map<String, Set<String>> deletions, long affectedNodes,
                             long affectedEdges) {

    public MutationEffect {
        upserts = List.copyOf(upserts);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        deletions.forEach((table, ids) -> copy.put(table, Collections.unmodifiableSet(new LinkedHashSet<>(ids))));
        deletions = Collections.unmodifiableMap(copy);
    }

    /** True when applying the effect would change nothing (nothing is then published). */
    public boolean isEmpty() {
        return upserts.isEmpty() && deletions.values().stream().allMatch(Set::isEmpty);
    }
}
