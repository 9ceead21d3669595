package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Locale;

/**
 * A rename hint that had no effect: on a brand-new graph (nothing to rename from), or next to an
 * exact-name match (the name wins). Reported, never fatal.
 *
 * @param entity {@code kind:Name} or {@code kind:Owner.property}
 */
public record SchemaIdentityDiagnostic(Kind kind, String entity, String hint) {

    public enum Kind {
        INERT_INITIALIZATION_RENAME_HINT,
        IGNORED_EXACT_MATCH_RENAME_HINT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("kind", kind.label()).put("entity", entity).put("hint", hint).build();
    }
}
