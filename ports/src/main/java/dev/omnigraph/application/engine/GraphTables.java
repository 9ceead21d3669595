package dev.omnigraph.application.engine;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.graph.TableKind;
import dev.omnigraph.domain.schema.PropertyType;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.ir.SchemaIr.EdgeIr;
import dev.omnigraph.domain.schema.ir.SchemaIr.NodeIr;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The physical layout of the graph's types as the reference lays it out: a node table has {@code id}
 * then every property (interface properties included) in declaration order; an edge table {@code id},
 * {@code src}, {@code dst} then its properties; {@code id} is the primary key; every property column
 * carries {@value #STABLE_PROPERTY_ID} so a rename never loses its identity.
 */
public final class GraphTables {

    public static final String STABLE_PROPERTY_ID = "omnigraph.stable_property_id";

    private GraphTables() {}

    /** One node or edge type's table: identity, kind, alias, relative location and columns. */
    public record TableLayout(TableIdentity identity, TableKind kind, String typeName, List<PropertyIr> properties,
                              TableSchema schema) {
        public String tableKey() {
            return kind.tableKey(typeName);
        }

        public String relativeLocation() {
            return identity.relativeLocation(kind);
        }
    }

    /** Every table of the schema: node types in schema order, then edge types. */
    public static List<TableLayout> layouts(SchemaIr schema) {
        List<TableLayout> layouts = new ArrayList<>();
        for (NodeIr node : schema.nodes()) {
            layouts.add(nodeLayout(node));
        }
        for (EdgeIr edge : schema.edges()) {
            layouts.add(edgeLayout(edge));
        }
        return layouts;
    }

    public static TableLayout nodeLayout(NodeIr node) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.required("id", ColumnType.UTF8));
        node.properties().forEach(p -> columns.add(column(p)));
        return new TableLayout(new TableIdentity(node.typeId(), node.tableIncarnationId()), TableKind.NODE, node.name(),
                node.properties(), TableSchema.keyedOnId(columns, Map.of()));
    }

    public static TableLayout edgeLayout(EdgeIr edge) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.required("id", ColumnType.UTF8));
        columns.add(ColumnSpec.required("src", ColumnType.UTF8));
        columns.add(ColumnSpec.required("dst", ColumnType.UTF8));
        edge.properties().forEach(p -> columns.add(column(p)));
        return new TableLayout(new TableIdentity(edge.typeId(), edge.tableIncarnationId()), TableKind.EDGE, edge.name(),
                edge.properties(), TableSchema.keyedOnId(columns, Map.of()));
    }

    private static ColumnSpec column(PropertyIr property) {
        return new ColumnSpec(property.name(), columnType(property.type()), property.type().nullable(),
                Map.of(STABLE_PROPERTY_ID, Long.toString(property.propertyId())));
    }

    /** The column type of a property type (enums are UTF8, validated on write). */
    public static ColumnType columnType(PropertyType type) {
        if (type.isVector()) {
            return new ColumnType.Vector(type.vectorDimension());
        }
        ColumnType.Scalar scalar = switch (type.base()) {
            case STRING -> ColumnType.Scalar.UTF8;
            case BOOL -> ColumnType.Scalar.BOOL;
            case I32 -> ColumnType.Scalar.INT32;
            case I64 -> ColumnType.Scalar.INT64;
            case U32 -> ColumnType.Scalar.UINT32;
            case U64 -> ColumnType.Scalar.UINT64;
            case F32 -> ColumnType.Scalar.FLOAT32;
            case F64 -> ColumnType.Scalar.FLOAT64;
            case DATE -> ColumnType.Scalar.DATE;
            case DATE_TIME -> ColumnType.Scalar.DATETIME;
            case BLOB -> throw new GraphEngineException(GraphErrorKind.NOT_SUPPORTED,
                    "Blob properties are not supported by this build yet");
            case VECTOR -> throw new IllegalStateException("vectors are handled above");
        };
        return type.list() ? new ColumnType.ListOf(scalar) : scalar;
    }
}
