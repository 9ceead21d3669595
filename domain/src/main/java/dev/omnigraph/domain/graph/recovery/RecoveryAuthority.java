package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The branch authority a writer captured before preparing its effects. An exact writer's effects may roll forward
 * only while the branch still shows this authority: the roll-forward publishes the writer's commit as a child of
 * {@code graphHead}, so any commit published on the branch since makes the sidecar rollback-only.
 *
 * @param manifestVersion the version of the branch's manifest the writer read (publishes on other branches do not
 *     move it)
 * @param graphHead the branch's head commit at capture; empty for a branch without a head commit of its own
 */
public record RecoveryAuthority(long manifestVersion, Optional<String> graphHead) {

    public RecoveryAuthority {
        if (manifestVersion < 0) {
            throw new IllegalArgumentException("manifestVersion must not be negative: " + manifestVersion);
        }
        Objects.requireNonNull(graphHead, "graphHead");
    }

    /** Whether the branch still shows exactly this authority. */
    public boolean matches(long currentManifestVersion, Optional<String> currentGraphHead) {
        return manifestVersion == currentManifestVersion && graphHead.equals(currentGraphHead);
    }

    JsonObject encode() {
        return JsonObject.builder()
                .put("manifest_version", manifestVersion)
                .put("graph_head", graphHead.<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE))
                .build();
    }

    static RecoveryAuthority decode(JsonValue value, String where) {
        StrictJson json = StrictJson.object(value, where, Set.of("manifest_version", "graph_head"));
        return new RecoveryAuthority(json.requiredVersion("manifest_version"), json.optionalString("graph_head"));
    }
}
