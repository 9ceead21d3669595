package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Converts between the port's {@link TableSchema} and Arrow schemas as the reference stores them
 * (engine.md §1.2): Utf8, Boolean, Int32/Int64/UInt32/UInt64, Float32/Float64, Date32 (days), Date64
 * (milliseconds), FixedSizeList(Float32, d) and List(T). The primary key is the field metadata
 * {@value #PRIMARY_KEY} = {@code "true"}, Lance's unenforced primary key, which is what makes Lance's
 * merge-insert detect two concurrent commits of one key; it is stripped from the column metadata the
 * port sees.
 */
final class ArrowSchemas {

    /** Lance's reserved field-metadata key for the unenforced primary key. */
    static final String PRIMARY_KEY = "lance-schema:unenforced-primary-key";
    /** Lance's reserved field-metadata key ordering a composite primary key. */
    static final String PRIMARY_KEY_POSITION = "lance-schema:unenforced-primary-key:position";

    private static final String ELEMENT = "item";

    private ArrowSchemas() {}

    static Schema toArrow(TableSchema schema) {
        List<Field> fields = new ArrayList<>(schema.columns().size());
        for (ColumnSpec column : schema.columns()) {
            boolean key = schema.primaryKey().filter(column.name()::equals).isPresent();
            fields.add(toArrow(column, key));
        }
        return new Schema(fields, schema.metadata().isEmpty() ? null : new HashMap<>(schema.metadata()));
    }

    private static Field toArrow(ColumnSpec column, boolean primaryKey) {
        Map<String, String> metadata = new HashMap<>(column.metadata());
        if (primaryKey) {
            metadata.put(PRIMARY_KEY, "true");
        }
        Map<String, String> fieldMetadata = metadata.isEmpty() ? null : metadata;
        ColumnType type = column.type();
        if (type instanceof ColumnType.Scalar scalar) {
            return new Field(column.name(), new FieldType(column.nullable(), scalarType(scalar), null, fieldMetadata), null);
        }
        if (type instanceof ColumnType.Vector vector) {
            Field element = new Field(ELEMENT, FieldType.nullable(scalarType(ColumnType.Scalar.FLOAT32)), null);
            return new Field(column.name(), new FieldType(column.nullable(), new ArrowType.FixedSizeList(vector.dimension()), null,
                    fieldMetadata), List.of(element));
        }
        ColumnType.ListOf list = (ColumnType.ListOf) type;
        Field element = new Field(ELEMENT, FieldType.nullable(scalarType(list.element())), null);
        return new Field(column.name(), new FieldType(column.nullable(), ArrowType.List.INSTANCE, null, fieldMetadata), List.of(element));
    }

    static ArrowType scalarType(ColumnType.Scalar scalar) {
        return switch (scalar) {
            case UTF8 -> ArrowType.Utf8.INSTANCE;
            case BOOL -> ArrowType.Bool.INSTANCE;
            case INT32 -> new ArrowType.Int(32, true);
            case INT64 -> new ArrowType.Int(64, true);
            case UINT32 -> new ArrowType.Int(32, false);
            case UINT64 -> new ArrowType.Int(64, false);
            case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case DATETIME -> new ArrowType.Date(DateUnit.MILLISECOND);
        };
    }

    /**
     * The port's view of a stored Arrow schema.
     *
     * @throws InvalidTableRequestException if a column has a type outside the port's vocabulary
     */
    static TableSchema fromArrow(Schema schema, String location) {
        List<ColumnSpec> columns = new ArrayList<>(schema.getFields().size());
        Optional<String> primaryKey = Optional.empty();
        for (Field field : schema.getFields()) {
            Map<String, String> metadata = new LinkedHashMap<>(field.getMetadata() == null ? Map.of() : field.getMetadata());
            boolean key = "true".equalsIgnoreCase(metadata.remove(PRIMARY_KEY));
            metadata.remove(PRIMARY_KEY_POSITION);
            if (key && primaryKey.isEmpty()) {
                primaryKey = Optional.of(field.getName());
            }
            columns.add(new ColumnSpec(field.getName(), columnType(field, location), field.isNullable(), metadata));
        }
        Map<String, String> tableMetadata = schema.getCustomMetadata() == null ? Map.of() : schema.getCustomMetadata();
        return new TableSchema(columns, primaryKey, tableMetadata);
    }

    private static ColumnType columnType(Field field, String location) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.FixedSizeList fixed && isScalar(field.getChildren().get(0), ColumnType.Scalar.FLOAT32)) {
            return new ColumnType.Vector(fixed.getListSize());
        }
        if (type instanceof ArrowType.List) {
            Optional<ColumnType.Scalar> element = scalar(field.getChildren().get(0).getType());
            if (element.isPresent()) {
                return new ColumnType.ListOf(element.get());
            }
        }
        return scalar(type).orElseThrow(() -> new InvalidTableRequestException("column '" + field.getName() + "' of " + location
                + " has the Arrow type " + type + ", which the table port does not represent", null));
    }

    private static boolean isScalar(Field field, ColumnType.Scalar expected) {
        return scalar(field.getType()).filter(expected::equals).isPresent();
    }

    private static Optional<ColumnType.Scalar> scalar(ArrowType type) {
        if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
            return Optional.of(ColumnType.Scalar.UTF8);
        }
        if (type instanceof ArrowType.Bool) {
            return Optional.of(ColumnType.Scalar.BOOL);
        }
        if (type instanceof ArrowType.Int integer) {
            if (integer.getBitWidth() == 32) {
                return Optional.of(integer.getIsSigned() ? ColumnType.Scalar.INT32 : ColumnType.Scalar.UINT32);
            }
            if (integer.getBitWidth() == 64) {
                return Optional.of(integer.getIsSigned() ? ColumnType.Scalar.INT64 : ColumnType.Scalar.UINT64);
            }
            return Optional.empty();
        }
        if (type instanceof ArrowType.FloatingPoint floating) {
            return switch (floating.getPrecision()) {
                case SINGLE -> Optional.of(ColumnType.Scalar.FLOAT32);
                case DOUBLE -> Optional.of(ColumnType.Scalar.FLOAT64);
                default -> Optional.empty();
            };
        }
        if (type instanceof ArrowType.Date date) {
            return Optional.of(date.getUnit() == DateUnit.DAY ? ColumnType.Scalar.DATE : ColumnType.Scalar.DATETIME);
        }
        return Optional.empty();
    }
}
