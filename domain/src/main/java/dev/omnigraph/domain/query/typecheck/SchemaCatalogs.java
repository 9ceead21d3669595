package dev.omnigraph.domain.query.typecheck;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.schema.Constraint;
import dev.omnigraph.domain.schema.EdgeDeclaration;
import dev.omnigraph.domain.schema.EffectiveNode;
import dev.omnigraph.domain.schema.Name;
import dev.omnigraph.domain.schema.PropertyDeclaration;
import dev.omnigraph.domain.schema.PropertyType;
import dev.omnigraph.domain.schema.SchemaParser;
import dev.omnigraph.domain.schema.SchemaValidator;
import dev.omnigraph.domain.schema.ValidatedSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link QueryCatalog} view from the schema side's validated schema: effective node
 * properties (interfaces injected), the {@code @key} tuple, {@code @embed} sources, and edge endpoints
 * and properties.
 */
public final class SchemaCatalogs {

    private SchemaCatalogs() {
    }

    /** Parses and validates {@code .pg} text, then builds the catalog (schema errors propagate as thrown). */
    public static QueryCatalog fromSchemaSource(SourceFile schema) {
        return of(SchemaValidator.validate(SchemaParser.parse(schema), schema));
    }

    public static QueryCatalog of(ValidatedSchema schema) {
        List<NodeTypeInfo> nodes = new ArrayList<>();
        for (EffectiveNode node : schema.nodes()) {
            Map<String, ValueType> properties = new LinkedHashMap<>();
            Map<String, String> embedSources = new LinkedHashMap<>();
            for (PropertyDeclaration property : node.properties()) {
                properties.put(property.nameText(), valueType(property.type()));
                property.annotation("embed").filter(a -> a.hasValue())
                        .ifPresent(embed -> embedSources.put(property.nameText(), embed.value()));
            }
            List<String> key = node.constraints().stream()
                    .filter(c -> c instanceof Constraint.Key)
                    .findFirst()
                    .map(c -> c.properties().stream().map(Name::text).toList())
                    .orElse(List.of());
            nodes.add(new NodeTypeInfo(node.name(), properties, key, embedSources));
        }
        List<EdgeTypeInfo> edges = new ArrayList<>();
        for (EdgeDeclaration edge : schema.edges()) {
            Map<String, ValueType> properties = new LinkedHashMap<>();
            for (PropertyDeclaration property : edge.properties()) {
                properties.put(property.nameText(), valueType(property.type()));
            }
            edges.add(new EdgeTypeInfo(edge.name().text(), edge.fromType().text(), edge.toType().text(), properties));
        }
        return new QueryCatalog(nodes, edges);
    }

    /** The query-side view of a schema property type. */
    public static ValueType valueType(PropertyType type) {
        if (type.isVector()) {
            return ValueType.vector(type.vectorDimension(), type.nullable());
        }
        if (type.isEnum()) {
            return ValueType.enumOf(type.enumValues(), type.list(), type.nullable());
        }
        ScalarKind kind = scalarKind(type.base());
        return type.list() ? ValueType.listOf(kind, type.nullable()) : ValueType.scalar(kind, type.nullable());
    }

    private static ScalarKind scalarKind(BaseType base) {
        return switch (base) {
            case STRING -> ScalarKind.STRING;
            case BLOB -> ScalarKind.BLOB;
            case BOOL -> ScalarKind.BOOL;
            case I32 -> ScalarKind.I32;
            case I64 -> ScalarKind.I64;
            case U32 -> ScalarKind.U32;
            case U64 -> ScalarKind.U64;
            case F32 -> ScalarKind.F32;
            case F64 -> ScalarKind.F64;
            case DATE_TIME -> ScalarKind.DATE_TIME;
            case DATE -> ScalarKind.DATE;
            case VECTOR -> ScalarKind.VECTOR;
        };
    }
}
