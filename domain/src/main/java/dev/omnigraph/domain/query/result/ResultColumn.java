package dev.omnigraph.domain.query.result;

import dev.omnigraph.domain.query.descriptor.ValueShape;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.Objects;

/**
 * One result column.
 *
 * @param name the runtime column name ({@code var.prop}, the alias, the function name, {@code var})
 * @param type the type of the column's values; decides their JSON spelling (a bare variable is its
 *     String id; {@code count} is I64; {@code sum}/{@code avg} are F64; {@code min}/{@code max} keep
 *     their argument's type)
 */
public record ResultColumn(String name, ValueType type) {
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The client vocabulary of the column's values ({@code string}, {@code bigint}, {@code list}, …). */
    public ValueShape shape() {
        return ValueShape.of(type);
    }
}
