package dev.omnigraph.domain.schema;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a syntax tree back as {@code .pg} text in one canonical layout: declarations separated by
 * a blank line, four-space indented bodies, properties before body constraints, annotation
 * arguments always as string literals, default cardinality omitted, empty edge bodies omitted.
 *
 * <p>Contract: for every tree the parser produces, {@code parse(print(tree))} equals {@code tree}
 * up to positions ({@link SchemaDocument#withoutPositions()}). Comments are not part of the tree
 * and are therefore not reproduced.
 */
public final class SchemaPrinter {

    private static final String INDENT = "    ";

    private SchemaPrinter() {
    }

    public static String print(SchemaDocument document) {
        return document.declarations().stream().map(SchemaPrinter::declaration)
                .collect(Collectors.joining("\n"));
    }

    private static String declaration(Declaration declaration) {
        StringBuilder out = new StringBuilder();
        if (declaration instanceof InterfaceDeclaration iface) {
            out.append("interface ").append(iface.name().text());
            body(out, iface.properties(), List.of(), true);
        } else if (declaration instanceof NodeDeclaration node) {
            out.append("node ").append(node.name().text());
            annotations(out, node.annotations());
            if (!node.implementedInterfaces().isEmpty()) {
                out.append(" implements ").append(node.implementedInterfaces().stream().map(Name::text)
                        .collect(Collectors.joining(", ")));
            }
            body(out, node.properties(), node.constraints(), true);
        } else if (declaration instanceof EdgeDeclaration edge) {
            out.append("edge ").append(edge.name().text()).append(": ").append(edge.fromType().text())
                    .append(" -> ").append(edge.toType().text());
            if (!edge.cardinality().isDefault()) {
                out.append(' ').append(edge.cardinality().spelling());
            }
            annotations(out, edge.annotations());
            body(out, edge.properties(), edge.constraints(), false);
        }
        return out.append('\n').toString();
    }

    private static void body(StringBuilder out, List<PropertyDeclaration> properties, List<Constraint> constraints,
                             boolean bodyRequired) {
        if (properties.isEmpty() && constraints.isEmpty()) {
            if (bodyRequired) {
                out.append(" {}");
            }
            return;
        }
        out.append(" {\n");
        for (PropertyDeclaration property : properties) {
            out.append(INDENT).append(property.nameText()).append(": ").append(property.type().displayName());
            annotations(out, property.annotations());
            out.append('\n');
        }
        for (Constraint constraint : constraints) {
            out.append(INDENT).append(constraint(constraint)).append('\n');
        }
        out.append('}');
    }

    private static void annotations(StringBuilder out, List<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            out.append(' ').append(annotation(annotation));
        }
    }

    /** {@code @name}, {@code @name("value")} or {@code @name("value", key="v")}. */
    public static String annotation(Annotation annotation) {
        StringBuilder out = new StringBuilder("@").append(annotation.name());
        if (annotation.hasValue()) {
            out.append('(').append(quote(annotation.value()));
            for (Map.Entry<String, String> kwarg : annotation.kwargs().entrySet()) {
                out.append(", ").append(kwarg.getKey()).append('=').append(quote(kwarg.getValue()));
            }
            out.append(')');
        }
        return out.toString();
    }

    /** The body-constraint spelling: {@code @key(a, b)}, {@code @range(p, 0..)}, {@code @check(p, "re")}. */
    public static String constraint(Constraint constraint) {
        String arguments;
        if (constraint instanceof Constraint.Range range) {
            arguments = range.property().text() + ", "
                    + (range.min() == null ? "" : range.min().sourceSpelling()) + ".."
                    + (range.max() == null ? "" : range.max().sourceSpelling());
        } else if (constraint instanceof Constraint.Check check) {
            arguments = check.property().text() + ", " + quote(check.pattern());
        } else {
            arguments = constraint.properties().stream().map(Name::text).collect(Collectors.joining(", "));
        }
        return "@" + constraint.keyword() + "(" + arguments + ")";
    }

    /** A string literal the lexer decodes back to {@code value}. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
