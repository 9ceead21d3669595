package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.List;
import java.util.Objects;

/**
 * A body-level constraint as written in a node or edge body ({@code @key(a, b)}, {@code @unique(…)},
 * {@code @index(…)}, {@code @range(p, min..max)}, {@code @check(p, "regex")}). Property-level
 * {@code @key}/{@code @unique}/{@code @index} stay annotations in the tree; the validator desugars
 * them into the effective constraint set.
 */
public sealed interface Constraint
        permits Constraint.Key, Constraint.Unique, Constraint.Index, Constraint.Range, Constraint.Check {

    /** The constraint keyword without {@code @}. */
    String keyword();

    /** Every property the constraint names, in source order. */
    List<Name> properties();

    Span span();

    Constraint withoutPositions();

    /** {@code @key(p, …)}: nodes only, at most one per node; ids derive from it. */
    record Key(List<Name> properties, Span span) implements Constraint {
        public Key {
            properties = List.copyOf(properties);
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "key";
        }

        @Override
        public Constraint withoutPositions() {
            return new Key(properties.stream().map(Name::withoutPositions).toList(), Positions.NONE);
        }
    }

    /** {@code @unique(p, …)}: the tuple is unique; edges may name {@code src}/{@code dst}. */
    record Unique(List<Name> properties, Span span) implements Constraint {
        public Unique {
            properties = List.copyOf(properties);
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "unique";
        }

        @Override
        public Constraint withoutPositions() {
            return new Unique(properties.stream().map(Name::withoutPositions).toList(), Positions.NONE);
        }
    }

    /** {@code @index(p, …)}: index intent only; edges may name {@code src}/{@code dst}. */
    record Index(List<Name> properties, Span span) implements Constraint {
        public Index {
            properties = List.copyOf(properties);
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "index";
        }

        @Override
        public Constraint withoutPositions() {
            return new Index(properties.stream().map(Name::withoutPositions).toList(), Positions.NONE);
        }
    }

    /** {@code @range(p, min..max)} with either side open (never both): nodes only, numeric property. */
    record Range(Name property, RangeBound min, RangeBound max, Span span) implements Constraint {
        public Range {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(span, "span");
            if (min == null && max == null) {
                throw new IllegalArgumentException("a range needs at least one bound");
            }
        }

        @Override
        public String keyword() {
            return "range";
        }

        @Override
        public List<Name> properties() {
            return List.of(property);
        }

        @Override
        public Constraint withoutPositions() {
            return new Range(property.withoutPositions(), min, max, Positions.NONE);
        }
    }

    /** {@code @check(p, "regex")}: nodes only, String property. */
    record Check(Name property, String pattern, Span span) implements Constraint {
        public Check {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public String keyword() {
            return "check";
        }

        @Override
        public List<Name> properties() {
            return List.of(property);
        }

        @Override
        public Constraint withoutPositions() {
            return new Check(property.withoutPositions(), pattern, Positions.NONE);
        }
    }
}
