package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named embedding provider profile ({@code providers.embedding.<name>}) exactly as declared:
 * every field optional, {@code api_key} an unresolved {@code ${NAME}} reference. The same value
 * is recorded in the ledger ({@code embedding_profile}) so serving never re-reads desired config;
 * its JSON omits absent fields and keeps the order kind, base_url, model, api_key, which is what
 * the provider digest is computed over.
 */
public record EmbeddingProviderProfile(Optional<String> kind, Optional<String> baseUrl, Optional<String> model,
                                       Optional<String> apiKey) {

    /** Kinds the engine knows; an absent kind means {@code openai-compatible}. */
    public static final List<String> KINDS = List.of("openai-compatible", "openai", "gemini", "mock");

    static final List<String> FIELDS = List.of("kind", "base_url", "model", "api_key");

    public EmbeddingProviderProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    public boolean isMock() {
        return kind.filter("mock"::equals).isPresent();
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder();
        kind.ifPresent(value -> json.put("kind", value));
        baseUrl.ifPresent(value -> json.put("base_url", value));
        model.ifPresent(value -> json.put("model", value));
        apiKey.ifPresent(value -> json.put("api_key", value));
        return json.build();
    }

    /**
     * The problems of this profile at {@code path} ({@code providers.embedding.<name>}): an unknown
     * kind ({@code invalid_embedding_provider}); for non-mock kinds a missing
     * ({@code embedding_api_key_required}) or inline ({@code embedding_api_key_inline}) api_key;
     * for mock only an inline one. Environment variables are never read here.
     */
    public List<ClusterDiagnostic> validate(String path) {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        kind.filter(value -> !KINDS.contains(value)).ifPresent(value -> diagnostics.add(ClusterDiagnostic.error(
                ClusterCodes.INVALID_EMBEDDING_PROVIDER, path,
                "unknown embedding provider '" + value + "' (expected openai-compatible|openai|gemini|mock)")));
        String keyPath = path + ".api_key";
        String inline = "embedding api_key must be a ${NAME} env reference, not an inline secret";
        if (apiKey.isPresent() && secretReferenceName(apiKey.get()).isEmpty()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.EMBEDDING_API_KEY_INLINE, keyPath, inline));
        } else if (apiKey.isEmpty() && !isMock()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.EMBEDDING_API_KEY_REQUIRED, keyPath,
                    "non-mock embedding providers must set api_key to a ${NAME} env reference"));
        }
        return diagnostics;
    }

    /** The variable name of a {@code ${NAME}} reference (surrounding blanks trimmed), if it is one. */
    public static Optional<String> secretReferenceName(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("${") || !trimmed.endsWith("}") || trimmed.length() < 3) {
            return Optional.empty();
        }
        String name = trimmed.substring(2, trimmed.length() - 1);
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /**
     * Strictly reads a profile; {@code provider} is accepted as an alias of {@code kind} and both
     * together are a duplicate. Returns {@code null} after recording a problem for a non-object.
     */
    public static EmbeddingProviderProfile read(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject object = reader.struct(value, path, "EmbeddingProviderConfig",
                List.of("kind", "provider", "base_url", "model", "api_key"), true);
        if (object == null) {
            return null;
        }
        if (object.has("kind") && object.has("provider")) {
            reader.problem(path, "duplicate field `kind`");
        }
        Optional<String> kind = reader.optionalString(object, "kind", path);
        if (kind.isEmpty()) {
            kind = reader.optionalString(object, "provider", path);
        }
        return new EmbeddingProviderProfile(kind.filter(Objects::nonNull),
                reader.optionalString(object, "base_url", path).filter(Objects::nonNull),
                reader.optionalString(object, "model", path).filter(Objects::nonNull),
                reader.optionalString(object, "api_key", path).filter(Objects::nonNull));
    }
}
