package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * For a changed resource, the resources that depend on it directly (every edge {@code x → resource}),
 * in edge order. Changes nothing depends on have no entry.
 */
public record BlastRadius(String resource, List<String> affected) {

    public BlastRadius {
        Objects.requireNonNull(resource, "resource");
        affected = List.copyOf(affected);
    }

    public static List<BlastRadius> of(List<PlanChange> changes, List<Dependency> dependencies) {
        List<BlastRadius> radii = new ArrayList<>();
        for (PlanChange change : changes) {
            List<String> affected = dependencies.stream().filter(edge -> edge.to().equals(change.resource()))
                    .map(Dependency::from).toList();
            if (!affected.isEmpty()) {
                radii.add(new BlastRadius(change.resource(), affected));
            }
        }
        return List.copyOf(radii);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("resource", resource).put("affected", JsonArray.ofStrings(affected)).build();
    }
}
