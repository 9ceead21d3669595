package dev.omnigraph.domain.query.typecheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schema as the query language sees it: node and edge types by name. Node and edge types live in
 * separate namespaces (a node and an edge may share a name). Edge names used in traversals resolve
 * exactly first, then case-insensitively, so {@code worksAt} finds {@code WorksAt}.
 */
public final class QueryCatalog {
    private final Map<String, NodeTypeInfo> nodeTypes;
    private final Map<String, EdgeTypeInfo> edgeTypes;
    private final Map<String, EdgeTypeInfo> edgesByFoldedName;

    public QueryCatalog(List<NodeTypeInfo> nodes, List<EdgeTypeInfo> edges) {
        Map<String, NodeTypeInfo> nodeMap = new LinkedHashMap<>();
        for (NodeTypeInfo node : nodes) {
            if (nodeMap.put(node.name(), node) != null) {
                throw new IllegalArgumentException("duplicate node type " + node.name());
            }
        }
        Map<String, EdgeTypeInfo> edgeMap = new LinkedHashMap<>();
        Map<String, EdgeTypeInfo> folded = new LinkedHashMap<>();
        for (EdgeTypeInfo edge : edges) {
            if (edgeMap.put(edge.name(), edge) != null) {
                throw new IllegalArgumentException("duplicate edge type " + edge.name());
            }
            folded.putIfAbsent(edge.name().toLowerCase(Locale.ROOT), edge);
        }
        this.nodeTypes = Collections.unmodifiableMap(nodeMap);
        this.edgeTypes = Collections.unmodifiableMap(edgeMap);
        this.edgesByFoldedName = Collections.unmodifiableMap(folded);
    }

    public Optional<NodeTypeInfo> nodeType(String name) {
        return Optional.ofNullable(nodeTypes.get(name));
    }

    /** Exact-name edge lookup (mutation targets use the declared spelling). */
    public Optional<EdgeTypeInfo> edgeType(String name) {
        return Optional.ofNullable(edgeTypes.get(name));
    }

    /** Traversal edge lookup: exact name first, then case-insensitive. */
    public Optional<EdgeTypeInfo> edgeForTraversal(String name) {
        EdgeTypeInfo exact = edgeTypes.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(edgesByFoldedName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Node types in declaration order. */
    public List<NodeTypeInfo> nodeTypes() {
        return List.copyOf(nodeTypes.values());
    }

    /** Edge types in declaration order. */
    public List<EdgeTypeInfo> edgeTypes() {
        return List.copyOf(edgeTypes.values());
    }

    /** Edge types with this node type as either endpoint, in declaration order. */
    public List<EdgeTypeInfo> incidentEdges(String nodeTypeName) {
        List<EdgeTypeInfo> result = new ArrayList<>();
        for (EdgeTypeInfo edge : edgeTypes.values()) {
            if (edge.fromType().equals(nodeTypeName) || edge.toType().equals(nodeTypeName)) {
                result.add(edge);
            }
        }
        return result;
    }
}
