package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * How a graph declares its stored queries: one path (a directory whose top-level {@code *.gq}
 * files are all registered, or one {@code .gq} file), several paths, or an explicit
 * {@code name → file} registry. Paths are as written (relative to the config directory or
 * absolute); the application resolves and reads them. Absent means an empty explicit registry.
 */
public sealed interface QueriesDeclaration {

    /** The config-digest spelling: a string, a list of strings, or {@code {name: {"file": path}}}. */
    JsonValue toJson();

    record Discover(String path) implements QueriesDeclaration {
        public Discover {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public JsonValue toJson() {
            return new JsonString(path);
        }
    }

    record DiscoverMany(List<String> paths) implements QueriesDeclaration {
        public DiscoverMany {
            paths = List.copyOf(paths);
        }

        @Override
        public JsonValue toJson() {
            return JsonArray.ofStrings(paths);
        }
    }

    record Explicit(Map<String, String> files) implements QueriesDeclaration {
        public Explicit {
            files = AddressMaps.copyOf(files);
        }

        @Override
        public JsonValue toJson() {
            JsonObject.Builder json = JsonObject.builder();
            files.forEach((name, file) -> json.put(name, JsonObject.builder().put("file", file).build()));
            return json.build();
        }
    }

    static QueriesDeclaration none() {
        return new Explicit(AddressMaps.empty());
    }
}
