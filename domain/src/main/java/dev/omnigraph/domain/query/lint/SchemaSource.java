package dev.omnigraph.domain.query.lint;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;

/** Where the schema a lint ran against came from: a {@code .pg} file path or a graph URI. */
public sealed interface SchemaSource {

    JsonObject toJson();

    record File(String path) implements SchemaSource {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "file").put("path", path).build();
        }
    }

    record Graph(String uri) implements SchemaSource {
        public Graph {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("kind", "graph").put("uri", uri).build();
        }
    }
}
