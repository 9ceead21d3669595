package dev.omnigraph.domain.query.plan;

import java.util.List;

/** How match rows become result rows. */
public sealed interface OutputStage {

    /** The result columns in {@code return} order. */
    List<OutputColumn> columns();

    /** One result row per match row. */
    record Project(List<OutputColumn> columns) implements OutputStage {
        public Project {
            columns = List.copyOf(columns);
        }
    }

    /**
     * One result row per distinct combination of the group keys (the non-aggregate columns); with no
     * group key, exactly one row even over no input.
     */
    record Aggregate(List<OutputColumn> columns) implements OutputStage {
        public Aggregate {
            columns = List.copyOf(columns);
        }

        public List<OutputColumn> groupKeys() {
            return columns.stream().filter(column -> !column.isAggregate()).toList();
        }
    }
}
