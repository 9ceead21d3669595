package dev.omnigraph.adapters.grpc.service;

import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import dev.omnigraph.adapters.grpc.v1.Column;
import dev.omnigraph.adapters.grpc.v1.Row;
import dev.omnigraph.adapters.grpc.v1.Value;
import dev.omnigraph.adapters.grpc.v1.ValueList;
import dev.omnigraph.adapters.grpc.v1.Vector;
import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.query.descriptor.ValueShape;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.result.ResultColumn;
import dev.omnigraph.domain.query.typecheck.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a read result as typed messages, in the row shape HTTP gives them: the HTTP rows are JSON
 * objects keyed by column name, so two result columns of one name are one column there (first position,
 * last value, as {@code ResultJson.row} writes them); here too. Values keep their type instead of HTTP's
 * JSON spellings (no decimal strings for wide integers, no "NaN" strings, real timestamps).
 */
final class ResultRows {

    private final List<ResultColumn> resultColumns;
    /** The output columns: each name once, at its first position. */
    private final List<ResultColumn> columns;
    /** For each output column, the index of the (last) result column of its name, whose value it shows. */
    private final int[] sources;

    ResultRows(QueryResult result) {
        this.resultColumns = result.columns();
        Map<String, Integer> lastIndexByName = new LinkedHashMap<>();
        Map<String, ResultColumn> firstByName = new LinkedHashMap<>();
        List<ResultColumn> all = result.columns();
        for (int i = 0; i < all.size(); i++) {
            firstByName.putIfAbsent(all.get(i).name(), all.get(i));
            lastIndexByName.put(all.get(i).name(), i);
        }
        this.columns = List.copyOf(firstByName.values());
        this.sources = lastIndexByName.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The output columns, in the order of every row's values. */
    List<Column> columns() {
        List<Column> described = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            // the value shown is the last column of the name: describe its type
            ValueShape shape = ValueShape.of(typeOf(i));
            Column.Builder column = Column.newBuilder().setName(columns.get(i).name()).setKind(shape.kind().wireName());
            shape.itemKind().ifPresent(item -> column.setItemKind(item.wireName()));
            shape.vectorDimension().ifPresent(column::setVectorDim);
            described.add(column.build());
        }
        return described;
    }

    private ValueType typeOf(int outputColumn) {
        return resultColumns.get(sources[outputColumn]).type();
    }

    /** One result row as a message (its values in {@link #columns()} order). */
    Row row(List<Object> values) {
        Row.Builder row = Row.newBuilder();
        for (int i = 0; i < sources.length; i++) {
            row.addValues(value(typeOf(i), values.get(sources[i])));
        }
        return row.build();
    }

    /** One value of the given type; {@code null} is the null value. */
    static Value value(ValueType type, Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (type.list()) {
            ValueType element = type.member();
            ValueList.Builder list = ValueList.newBuilder();
            for (Object item : (List<?>) value) {
                list.addValues(value(element, item));
            }
            return Value.newBuilder().setListValue(list).build();
        }
        if (type.isVector()) {
            return Value.newBuilder().setVectorValue(vector(value)).build();
        }
        Value.Builder typed = Value.newBuilder();
        switch (type.kind()) {
            case STRING, BLOB -> typed.setStringValue(value.toString());
            case BOOL -> typed.setBoolValue((Boolean) value);
            case I32, U32, I64 -> typed.setIntValue(((Number) value).longValue());
            case U64 -> typed.setUintValue(((Number) value).longValue());
            case F32, F64 -> typed.setFloatValue(((Number) value).doubleValue());
            case DATE -> typed.setDateValue(PropertyValues.formatDate(((Number) value).longValue()));
            case DATE_TIME -> typed.setDateTimeValue(timestampOfMillis(((Number) value).longValue()));
            case VECTOR -> typed.setVectorValue(vector(value));
        }
        return typed.build();
    }

    private static Vector vector(Object value) {
        Vector.Builder vector = Vector.newBuilder();
        if (value instanceof float[] floats) {
            for (float component : floats) {
                vector.addComponents(component);
            }
        } else {
            for (Object component : (List<?>) value) {
                vector.addComponents(component == null ? Float.NaN : ((Number) component).floatValue());
            }
        }
        return vector.build();
    }

    static Timestamp timestampOfMillis(long epochMillis) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMillis, 1000L))
                .setNanos((int) Math.floorMod(epochMillis, 1000L) * 1_000_000).build();
    }

    static Timestamp timestampOfMicros(long epochMicros) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMicros, 1_000_000L))
                .setNanos((int) Math.floorMod(epochMicros, 1_000_000L) * 1_000).build();
    }
}
