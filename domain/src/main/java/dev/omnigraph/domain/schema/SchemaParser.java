package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;
import dev.omnigraph.domain.lang.Token;
import dev.omnigraph.domain.lang.TokenKind;
import dev.omnigraph.domain.lang.TokenStream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recursive-descent parser for {@code .pg} files (the grammar is in {@code docs/schema-language.md}).
 *
 * <p>Contract: {@link #parse} returns the syntax tree of a well-formed file or throws a
 * {@link LanguageException} with one diagnostic at the first problem; it throws nothing else, runs
 * in time linear in the input and cannot recurse deeper than {@link #MAX_DEPTH}. Besides syntax it
 * checks the values a single declaration can judge on its own, like the reference's parser: vector
 * dimensions, enum value sets, list element types and cardinality bounds. Rules that need the
 * whole file belong to {@link SchemaValidator}.
 */
public final class SchemaParser {

    /** Nesting bound; the schema grammar itself never nests deeper than four levels. */
    public static final int MAX_DEPTH = 32;

    private static final Set<String> CONSTRAINT_KEYWORDS = Set.of("key", "unique", "index", "range", "check");

    private final TokenStream tokens;

    private SchemaParser(SourceFile source) {
        this.tokens = TokenStream.of(source, MAX_DEPTH, SchemaCodes.NESTING_TOO_DEEP);
    }

    /** Parses {@code source} into its syntax tree. */
    public static SchemaDocument parse(SourceFile source) {
        return new SchemaParser(source).document();
    }

    private SchemaDocument document() {
        List<Declaration> declarations = new ArrayList<>();
        while (!tokens.atEnd()) {
            Token keyword = tokens.peek();
            if (keyword.isWord("interface")) {
                declarations.add(interfaceDeclaration());
            } else if (keyword.isWord("node")) {
                declarations.add(nodeDeclaration());
            } else if (keyword.isWord("edge")) {
                declarations.add(edgeDeclaration());
            } else {
                throw tokens.unexpected(SchemaCodes.EXPECTED_DECLARATION, "'interface', 'node' or 'edge'");
            }
        }
        return new SchemaDocument(declarations);
    }

    private InterfaceDeclaration interfaceDeclaration() {
        Token keyword = tokens.advance();
        Name name = typeName();
        tokens.expect(TokenKind.LEFT_BRACE, SchemaCodes.UNEXPECTED_TOKEN, "'{'");
        tokens.enter();
        List<PropertyDeclaration> properties = new ArrayList<>();
        while (!tokens.check(TokenKind.RIGHT_BRACE)) {
            if (tokens.peek().isLowerName()) {
                properties.add(property());
            } else {
                throw tokens.unexpected(SchemaCodes.UNEXPECTED_TOKEN, "a property or '}' (interfaces hold properties only)");
            }
        }
        tokens.exit();
        Token close = tokens.advance();
        return new InterfaceDeclaration(name, properties, keyword.span().to(close.span()));
    }

    private NodeDeclaration nodeDeclaration() {
        Token keyword = tokens.advance();
        Name name = typeName();
        List<Annotation> annotations = new ArrayList<>(headerAnnotations());
        List<Name> implemented = new ArrayList<>();
        if (tokens.acceptWord("implements")) {
            implemented.add(typeName());
            while (tokens.accept(TokenKind.COMMA)) {
                implemented.add(typeName());
            }
            annotations.addAll(headerAnnotations());
        }
        tokens.expect(TokenKind.LEFT_BRACE, SchemaCodes.UNEXPECTED_TOKEN,
                implemented.isEmpty() ? "an annotation, 'implements' or '{'" : "',' or '{'");
        List<PropertyDeclaration> properties = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        Token close = body(properties, constraints);
        return new NodeDeclaration(name, annotations, implemented, properties, constraints,
                keyword.span().to(close.span()));
    }

    private EdgeDeclaration edgeDeclaration() {
        Token keyword = tokens.advance();
        Name name = typeName();
        tokens.expect(TokenKind.COLON, SchemaCodes.UNEXPECTED_TOKEN, "':' before the edge's source type");
        Name from = typeName();
        tokens.expect(TokenKind.ARROW, SchemaCodes.UNEXPECTED_TOKEN, "'->'");
        Name to = typeName();
        Span end = to.span();
        Cardinality cardinality = Cardinality.DEFAULT;
        if (tokens.check(TokenKind.AT) && tokens.peek(1).isWord("card") && tokens.peek(2).is(TokenKind.LEFT_PAREN)) {
            Token at = tokens.advance();
            tokens.advance();
            cardinality = cardinality(at);
            end = tokens.previous().span();
        }
        List<Annotation> annotations = headerAnnotations();
        if (!annotations.isEmpty()) {
            end = annotations.get(annotations.size() - 1).span();
        }
        List<PropertyDeclaration> properties = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        if (tokens.accept(TokenKind.LEFT_BRACE)) {
            end = body(properties, constraints).span();
        }
        return new EdgeDeclaration(name, from, to, cardinality, annotations, properties, constraints,
                keyword.span().to(end));
    }

    private Cardinality cardinality(Token at) {
        tokens.expect(TokenKind.LEFT_PAREN, SchemaCodes.UNEXPECTED_TOKEN, "'('");
        Token minToken = tokens.expect(TokenKind.INTEGER, SchemaCodes.UNEXPECTED_TOKEN, "the minimum edge count");
        long min = cardinalityBound(minToken);
        tokens.expect(TokenKind.DOT_DOT, SchemaCodes.UNEXPECTED_TOKEN, "'..'");
        Long max = null;
        if (tokens.check(TokenKind.INTEGER)) {
            max = cardinalityBound(tokens.advance());
        }
        Token close = tokens.expect(TokenKind.RIGHT_PAREN, SchemaCodes.UNEXPECTED_TOKEN,
                max == null ? "the maximum edge count or ')'" : "')'");
        if (max != null && min > max) {
            throw tokens.error(SchemaCodes.INVALID_CARDINALITY,
                    "cardinality min (" + min + ") exceeds max (" + max + ")", at.span().to(close.span()));
        }
        return new Cardinality(min, max);
    }

    private long cardinalityBound(Token token) {
        Optional<Long> value = parseUnsigned(token.text(), Cardinality.MAX_BOUND);
        if (value.isEmpty()) {
            throw tokens.error(SchemaCodes.NUMBER_OUT_OF_RANGE,
                    "cardinality bound " + token.text() + " exceeds " + Cardinality.MAX_BOUND, token.span());
        }
        return value.get();
    }

    /** Parses a node or edge body after its '{'; returns the closing '}'. */
    private Token body(List<PropertyDeclaration> properties, List<Constraint> constraints) {
        tokens.enter();
        while (!tokens.check(TokenKind.RIGHT_BRACE)) {
            if (isBodyConstraintStart()) {
                constraints.add(bodyConstraint());
            } else if (tokens.peek().isLowerName()) {
                properties.add(property());
            } else if (tokens.check(TokenKind.AT)) {
                Token name = tokens.peek(1);
                throw tokens.error(SchemaCodes.UNEXPECTED_TOKEN,
                        "expected a property or a body constraint (@key, @unique, @index, @range, @check with "
                                + "arguments), found '@" + name.text() + "'; type annotations belong before '{'",
                        tokens.peek().span().to(name.span()));
            } else {
                throw tokens.unexpected(SchemaCodes.UNEXPECTED_TOKEN, "a property, a body constraint or '}'");
            }
        }
        tokens.exit();
        return tokens.advance();
    }

    private boolean isBodyConstraintStart() {
        return tokens.check(TokenKind.AT)
                && tokens.peek(1).is(TokenKind.IDENTIFIER)
                && CONSTRAINT_KEYWORDS.contains(tokens.peek(1).text())
                && tokens.peek(2).is(TokenKind.LEFT_PAREN);
    }

    /** Annotations of a type header; a body constraint there is an error (it belongs inside the body). */
    private List<Annotation> headerAnnotations() {
        List<Annotation> annotations = new ArrayList<>();
        while (tokens.check(TokenKind.AT)) {
            if (isBodyConstraintStart()) {
                Token name = tokens.peek(1);
                throw tokens.error(SchemaCodes.UNEXPECTED_TOKEN,
                        "body constraint @" + name.text() + "(...) must be written inside the type's body",
                        tokens.peek().span().to(name.span()));
            }
            annotations.add(annotation());
        }
        return annotations;
    }

    private PropertyDeclaration property() {
        Name name = lowerName("a property name");
        tokens.expect(TokenKind.COLON, SchemaCodes.UNEXPECTED_TOKEN, "':' after property name '" + name.text() + "'");
        Token typeStart = tokens.peek();
        PropertyType type = typeReference();
        Span typeSpan = typeStart.span().to(tokens.previous().span());
        List<Annotation> annotations = new ArrayList<>();
        while (tokens.check(TokenKind.AT) && !isBodyConstraintStart()) {
            annotations.add(annotation());
        }
        Span end = annotations.isEmpty() ? typeSpan : annotations.get(annotations.size() - 1).span();
        return new PropertyDeclaration(name, type, typeSpan, annotations, name.span().to(end));
    }

    private PropertyType typeReference() {
        tokens.enter();
        PropertyType core = coreType();
        tokens.exit();
        boolean nullable = tokens.accept(TokenKind.QUESTION);
        return core.withNullable(nullable);
    }

    private PropertyType coreType() {
        Token first = tokens.peek();
        if (tokens.accept(TokenKind.LEFT_BRACKET)) {
            Token element = tokens.peek();
            if (element.isWord("Vector") || element.isWord("enum")) {
                throw tokens.error(SchemaCodes.INVALID_LIST_ELEMENT,
                        "list elements must be a base type (String, Bool, I32, …), not " + element.text(),
                        element.span());
            }
            BaseType base = baseType();
            if (base == BaseType.BLOB) {
                throw tokens.error(SchemaCodes.INVALID_LIST_ELEMENT, "list of Blob is not supported",
                        first.span().to(element.span()));
            }
            tokens.expect(TokenKind.RIGHT_BRACKET, SchemaCodes.UNEXPECTED_TOKEN, "']'");
            return PropertyType.listOf(base, false);
        }
        if (first.isWord("enum") && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            tokens.advance();
            tokens.advance();
            return PropertyType.enumOf(enumValues(first), false);
        }
        if (first.isWord("Vector")) {
            tokens.advance();
            tokens.expect(TokenKind.LEFT_PAREN, SchemaCodes.UNEXPECTED_TOKEN, "'(' and a dimension after Vector");
            Token dimension = tokens.expect(TokenKind.INTEGER, SchemaCodes.UNEXPECTED_TOKEN, "the vector dimension");
            Optional<Long> value = parseUnsigned(dimension.text(), PropertyType.MAX_VECTOR_DIMENSION);
            if (value.isEmpty()) {
                throw tokens.error(SchemaCodes.NUMBER_OUT_OF_RANGE, "Vector dimension " + dimension.text()
                        + " exceeds maximum supported " + PropertyType.MAX_VECTOR_DIMENSION, dimension.span());
            }
            if (value.get() == 0) {
                throw tokens.error(SchemaCodes.INVALID_VECTOR_DIMENSION, "Vector dimension must be greater than zero",
                        dimension.span());
            }
            tokens.expect(TokenKind.RIGHT_PAREN, SchemaCodes.UNEXPECTED_TOKEN, "')'");
            return PropertyType.vector(value.get().intValue(), false);
        }
        return PropertyType.scalar(baseType(), false);
    }

    private BaseType baseType() {
        Token token = tokens.peek();
        if (token.is(TokenKind.IDENTIFIER)) {
            Optional<BaseType> base = BaseType.fromKeyword(token.text());
            if (base.isPresent()) {
                tokens.advance();
                return base.get();
            }
            throw tokens.error(SchemaCodes.UNKNOWN_TYPE, "unknown type '" + token.text()
                    + "'; expected String, Blob, Bool, I32, I64, U32, U64, F32, F64, DateTime, Date, Vector(n), "
                    + "[T] or enum(...)", token.span());
        }
        throw tokens.unexpected(SchemaCodes.UNKNOWN_TYPE, "a property type");
    }

    /** Enum values after {@code enum(}: runs of touching letters, digits, '_' and '-'. */
    private List<String> enumValues(Token enumKeyword) {
        List<String> values = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        do {
            Token first = tokens.peek();
            if (!isEnumValuePart(first)) {
                throw tokens.unexpected(SchemaCodes.INVALID_ENUM, "an enum value (letters, digits, '_' or '-')");
            }
            StringBuilder value = new StringBuilder(tokens.advance().text());
            Token last = first;
            while (isEnumValuePart(tokens.peek()) && tokens.peek().touches(last)) {
                last = tokens.advance();
                value.append(last.text());
            }
            Span span = first.span().to(last.span());
            String text = value.toString();
            if (seen.putIfAbsent(text, span) != null) {
                throw tokens.error(SchemaCodes.INVALID_ENUM,
                        "enum type cannot include duplicate values ('" + text + "' appears twice)", span);
            }
            values.add(text);
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN, SchemaCodes.UNEXPECTED_TOKEN, "',' or ')' in enum(...)");
        return values;
    }

    private static boolean isEnumValuePart(Token token) {
        return token.is(TokenKind.IDENTIFIER) || token.is(TokenKind.INTEGER) || token.is(TokenKind.MINUS);
    }

    private Annotation annotation() {
        Token at = tokens.expect(TokenKind.AT, SchemaCodes.UNEXPECTED_TOKEN, "'@'");
        Name name = lowerName("an annotation name");
        String value = null;
        TreeMap<String, String> kwargs = new TreeMap<>();
        Span end = name.span();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            value = annotationArgument(true);
            while (tokens.accept(TokenKind.COMMA)) {
                Token key = tokens.peek();
                if (!key.isLowerName() || !tokens.peek(1).is(TokenKind.EQUALS)) {
                    throw tokens.error(SchemaCodes.MALFORMED_ANNOTATION,
                            "expected a keyword argument 'name=literal' after the first argument of @" + name.text()
                                    + ", found " + key.describe(), key.span());
                }
                tokens.advance();
                tokens.advance();
                kwargs.put(key.text(), annotationArgument(false));
            }
            end = tokens.expect(TokenKind.RIGHT_PAREN, SchemaCodes.UNEXPECTED_TOKEN, "',' or ')'").span();
        }
        return new Annotation(name.text(), value, kwargs, at.span().to(end));
    }

    /** A literal (string, number, true/false) or, in positional place, a lower-case identifier. */
    private String annotationArgument(boolean positional) {
        Token token = tokens.peek();
        boolean accepted = token.is(TokenKind.STRING) || token.is(TokenKind.INTEGER) || token.is(TokenKind.FLOAT)
                || (positional ? token.isLowerName() : token.isWord("true") || token.isWord("false"));
        if (!accepted) {
            throw tokens.error(SchemaCodes.MALFORMED_ANNOTATION, "expected "
                    + (positional ? "a literal or a lower-case identifier" : "a literal (string, number, true or false)")
                    + " as annotation argument, found " + token.describe(), token.span());
        }
        return tokens.advance().value();
    }

    private Constraint bodyConstraint() {
        Token at = tokens.advance();
        Token keyword = tokens.advance();
        tokens.advance();
        Constraint constraint;
        switch (keyword.text()) {
            case "range" -> {
                Name property = constraintProperty("@range");
                requireSecondArgument("@range requires property name and bounds: @range(prop, min..max)");
                RangeBound[] bounds = rangeBounds();
                Token close = closeConstraint("@range");
                constraint = new Constraint.Range(property, bounds[0], bounds[1], at.span().to(close.span()));
            }
            case "check" -> {
                Name property = constraintProperty("@check");
                requireSecondArgument("@check requires property name and pattern: @check(prop, \"regex\")");
                Token pattern = tokens.peek();
                if (!pattern.is(TokenKind.STRING)) {
                    throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT,
                            "@check expects its pattern as a string literal, found " + pattern.describe(),
                            pattern.span());
                }
                tokens.advance();
                Token close = closeConstraint("@check");
                constraint = new Constraint.Check(property, pattern.value(), at.span().to(close.span()));
            }
            default -> {
                List<Name> names = new ArrayList<>();
                if (tokens.check(TokenKind.RIGHT_PAREN)) {
                    throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT,
                            "@" + keyword.text() + " constraint requires at least one property name",
                            at.span().to(tokens.peek().span()));
                }
                names.add(constraintProperty("@" + keyword.text()));
                while (tokens.accept(TokenKind.COMMA)) {
                    names.add(constraintProperty("@" + keyword.text()));
                }
                Token close = closeConstraint("@" + keyword.text());
                Span span = at.span().to(close.span());
                constraint = switch (keyword.text()) {
                    case "key" -> new Constraint.Key(names, span);
                    case "unique" -> new Constraint.Unique(names, span);
                    default -> new Constraint.Index(names, span);
                };
            }
        }
        return constraint;
    }

    private Name constraintProperty(String constraint) {
        Token token = tokens.peek();
        if (!token.isLowerName()) {
            throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT,
                    "expected property name in " + constraint + " constraint, found " + token.describe(), token.span());
        }
        tokens.advance();
        return new Name(token.text(), token.span());
    }

    private void requireSecondArgument(String message) {
        if (!tokens.accept(TokenKind.COMMA)) {
            throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT, message, tokens.peek().span());
        }
    }

    private Token closeConstraint(String constraint) {
        if (!tokens.check(TokenKind.RIGHT_PAREN)) {
            throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT,
                    "expected ')' closing " + constraint + ", found " + tokens.peek().describe(), tokens.peek().span());
        }
        return tokens.advance();
    }

    /** {@code min..max}, {@code min..} or {@code ..max} with optionally negative integer or decimal bounds. */
    private RangeBound[] rangeBounds() {
        Token start = tokens.peek();
        RangeBound min = isSignedNumberStart() ? signedNumber() : null;
        if (!tokens.accept(TokenKind.DOT_DOT)) {
            throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT,
                    "expected range bounds (min..max, min.. or ..max) in @range constraint, found "
                            + tokens.peek().describe(), tokens.peek().span());
        }
        RangeBound max = isSignedNumberStart() ? signedNumber() : null;
        if (min == null && max == null) {
            throw tokens.error(SchemaCodes.MALFORMED_CONSTRAINT, "@range needs at least one bound",
                    start.span().to(tokens.previous().span()));
        }
        return new RangeBound[] {min, max};
    }

    private boolean isSignedNumberStart() {
        Token token = tokens.peek();
        if (token.is(TokenKind.INTEGER) || token.is(TokenKind.FLOAT)) {
            return true;
        }
        Token next = tokens.peek(1);
        return token.is(TokenKind.MINUS) && (next.is(TokenKind.INTEGER) || next.is(TokenKind.FLOAT))
                && next.touches(token);
    }

    private RangeBound signedNumber() {
        Token first = tokens.advance();
        boolean negative = first.is(TokenKind.MINUS);
        Token number = negative ? tokens.advance() : first;
        String text = (negative ? "-" : "") + number.text();
        Span span = first.span().to(number.span());
        if (number.is(TokenKind.INTEGER)) {
            try {
                return new RangeBound.IntegerBound(Long.parseLong(text));
            } catch (NumberFormatException tooLarge) {
                // The reference falls back to a float for integers outside the signed 64-bit range.
            }
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw tokens.error(SchemaCodes.NUMBER_OUT_OF_RANGE, "range bound " + text + " is too large", span);
        }
        return new RangeBound.FloatBound(value);
    }

    private Name typeName() {
        Token token = tokens.peek();
        if (!token.isTypeName()) {
            throw tokens.unexpected(SchemaCodes.EXPECTED_TYPE_NAME, "a type name (starting with an upper-case letter)");
        }
        tokens.advance();
        return new Name(token.text(), token.span());
    }

    private Name lowerName(String what) {
        Token token = tokens.peek();
        if (!token.isLowerName()) {
            throw tokens.unexpected(SchemaCodes.EXPECTED_LOWER_NAME,
                    what + " (starting with a lower-case letter or '_')");
        }
        tokens.advance();
        return new Name(token.text(), token.span());
    }

    /** The decimal {@code digits} if they denote a value no larger than {@code max}. */
    private static Optional<Long> parseUnsigned(String digits, long max) {
        BigInteger value = new BigInteger(digits);
        return value.compareTo(BigInteger.valueOf(max)) <= 0 ? Optional.of(value.longValueExact()) : Optional.empty();
    }

}
