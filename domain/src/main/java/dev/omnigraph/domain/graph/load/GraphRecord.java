package dev.omnigraph.domain.graph.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One validated entity of graph data: typed property values (representations of {@link PropertyValues})
 * and its id, with the input line it came from for messages.
 */
public sealed interface GraphRecord {

    String typeName();

    String id();

    /** Property values by property name; absent and null both mean null. */
    Map<String, Object> values();

    int line();

    /** A node of a node type. */
    record NodeRecord(String typeName, String id, Map<String, Object> values, int line) implements GraphRecord {
        public NodeRecord {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(id, "id");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** An edge between two node ids. */
    record EdgeRecord(String typeName, String id, String from, String to, Map<String, Object> values, int line)
            implements GraphRecord {
        public EdgeRecord {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
