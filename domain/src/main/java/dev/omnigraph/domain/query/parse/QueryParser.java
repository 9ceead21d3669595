package dev.omnigraph.domain.query.parse;

import static dev.omnigraph.domain.query.QueryCodes.DUPLICATE_ANNOTATION;
import static dev.omnigraph.domain.query.QueryCodes.MUTATION_PREDICATE_OPERATOR;
import static dev.omnigraph.domain.query.QueryCodes.NAME_SHAPE;
import static dev.omnigraph.domain.query.QueryCodes.NEAREST_DIRECTION;
import static dev.omnigraph.domain.query.QueryCodes.NESTING_TOO_DEEP;
import static dev.omnigraph.domain.query.QueryCodes.NUMBER_OUT_OF_RANGE;
import static dev.omnigraph.domain.query.QueryCodes.RRF_RANK_ARGUMENT;
import static dev.omnigraph.domain.query.QueryCodes.UNEXPECTED_TOKEN;
import static dev.omnigraph.domain.query.QueryCodes.UNSUPPORTED_ANNOTATION;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;
import dev.omnigraph.domain.lang.Token;
import dev.omnigraph.domain.lang.TokenKind;
import dev.omnigraph.domain.lang.TokenStream;
import dev.omnigraph.domain.query.ast.AggFunc;
import dev.omnigraph.domain.query.ast.Assignment;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.query.ast.Clause;
import dev.omnigraph.domain.query.ast.CompOp;
import dev.omnigraph.domain.query.ast.Expr;
import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.ast.MatchValue;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.MutationPredicate;
import dev.omnigraph.domain.query.ast.Ordering;
import dev.omnigraph.domain.query.ast.Param;
import dev.omnigraph.domain.query.ast.ParamType;
import dev.omnigraph.domain.query.ast.Projection;
import dev.omnigraph.domain.query.ast.PropMatch;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.ast.QueryFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recursive-descent parser for {@code .gq} text, following the reference grammar
 * ({@code query/query.pest}) construct by construct.
 *
 * <p>Contract: {@link #parse} returns the whole file's tree or throws one
 * {@link LanguageException} whose diagnostic carries a stable code ({@code L0xx} lexical,
 * {@code Q0xx} syntax) and the position of the offending token. Every loop consumes a token or
 * stops, and recursion through expressions, list literals and {@code not} blocks is bounded by
 * {@link #MAX_NESTING}, so hostile input can neither hang the parser nor overflow the stack.
 *
 * <p>Keywords are not reserved (the reference allows {@code $x.match}); they are recognised by
 * position. Where the reference grammar backtracks (a clause starting with a variable may be a
 * binding, a traversal or a filter), this parser decides by bounded look-ahead with the same outcome.
 */
public final class QueryParser {

    /** Deepest nesting of expressions, list literals and {@code not} blocks accepted. */
    public static final int MAX_NESTING = 64;

    private final TokenStream tokens;
    private final SourcePositions positions = new SourcePositions();

    private QueryParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole {@code .gq} file. */
    public static ParsedQueries parse(SourceFile source) {
        QueryParser parser = new QueryParser(TokenStream.of(source, MAX_NESTING, NESTING_TOO_DEEP));
        QueryFile file = parser.parseFile();
        return new ParsedQueries(source, file, parser.positions);
    }

    /** Parses anonymous text (file name {@code <input>} or whatever {@link SourceFile#anonymous} uses). */
    public static ParsedQueries parse(String text) {
        return parse(SourceFile.anonymous(text));
    }

    // ── file and declaration ────────────────────────────────────────────────────────────

    private QueryFile parseFile() {
        List<QueryDecl> queries = new ArrayList<>();
        while (!tokens.atEnd()) {
            queries.add(parseQueryDecl());
        }
        return new QueryFile(queries);
    }

    private QueryDecl parseQueryDecl() {
        Token start = tokens.expectWord("query", UNEXPECTED_TOKEN);
        Token nameToken = expectLowerName("a query name");
        tokens.expect(TokenKind.LEFT_PAREN, UNEXPECTED_TOKEN, "'('");
        List<Param> params = new ArrayList<>();
        if (!tokens.check(TokenKind.RIGHT_PAREN)) {
            params.add(parseParam());
            while (tokens.accept(TokenKind.COMMA)) {
                params.add(parseParam());
            }
        }
        tokens.expect(TokenKind.RIGHT_PAREN, UNEXPECTED_TOKEN, "',' or ')'");

        Optional<String> description = Optional.empty();
        Optional<String> instruction = Optional.empty();
        while (tokens.check(TokenKind.AT)) {
            Token at = tokens.advance();
            Token annotation = tokens.expect(TokenKind.IDENTIFIER, UNEXPECTED_TOKEN, "an annotation name");
            String name = annotation.text();
            if (!name.equals("description") && !name.equals("instruction")) {
                throw tokens.error(UNSUPPORTED_ANNOTATION, "unsupported query annotation: @" + name,
                        at.span().to(annotation.span()));
            }
            tokens.expect(TokenKind.LEFT_PAREN, UNEXPECTED_TOKEN, "'('");
            String value = tokens.expect(TokenKind.STRING, UNEXPECTED_TOKEN, "a string literal").value();
            tokens.expect(TokenKind.RIGHT_PAREN, UNEXPECTED_TOKEN, "')'");
            boolean duplicate = name.equals("description") ? description.isPresent() : instruction.isPresent();
            if (duplicate) {
                throw tokens.error(DUPLICATE_ANNOTATION, "query `" + nameToken.text()
                        + "` cannot include duplicate @" + name + " annotations", at.span().to(annotation.span()));
            }
            if (name.equals("description")) {
                description = Optional.of(value);
            } else {
                instruction = Optional.of(value);
            }
        }

        tokens.expect(TokenKind.LEFT_BRACE, UNEXPECTED_TOKEN, "'{'");
        QueryBody body;
        if (tokens.checkWord("match")) {
            body = parseReadBody();
        } else if (isMutationKeyword(tokens.peek())) {
            body = parseMutationBody();
        } else {
            throw tokens.unexpected(UNEXPECTED_TOKEN, "'match', 'insert', 'update' or 'delete'");
        }
        tokens.expect(TokenKind.RIGHT_BRACE, UNEXPECTED_TOKEN, "'}'");
        QueryDecl decl = new QueryDecl(nameToken.text(), params, description, instruction, body);
        // The declaration is located at its name, which is what messages about a query point at.
        positions.record(decl, nameToken.span());
        positions.record(body, start.span().to(tokens.previous().span()));
        return decl;
    }

    private Param parseParam() {
        Token variable = tokens.expect(TokenKind.VARIABLE, UNEXPECTED_TOKEN, "a parameter such as '$name'");
        tokens.expect(TokenKind.COLON, UNEXPECTED_TOKEN, "':'");
        ParamType type = parseParamType();
        Param param = new Param(variable.value(), type);
        positions.record(param, span(variable));
        return param;
    }

    private ParamType parseParamType() {
        ParamType type;
        if (tokens.accept(TokenKind.LEFT_BRACKET)) {
            BaseType base = parseBaseType();
            tokens.expect(TokenKind.RIGHT_BRACKET, UNEXPECTED_TOKEN, "']'");
            type = ParamType.listOf(base, false);
        } else if (tokens.checkWord("Vector")) {
            tokens.advance();
            tokens.expect(TokenKind.LEFT_PAREN, UNEXPECTED_TOKEN, "'('");
            Token dimension = tokens.expect(TokenKind.INTEGER, UNEXPECTED_TOKEN, "a vector dimension");
            tokens.expect(TokenKind.RIGHT_PAREN, UNEXPECTED_TOKEN, "')'");
            type = ParamType.vector(parseLong(dimension, "vector dimension"), false);
        } else {
            type = ParamType.scalar(parseBaseType(), false);
        }
        if (tokens.accept(TokenKind.QUESTION)) {
            type = new ParamType(type.base(), type.vectorDimension(), type.list(), true);
        }
        return type;
    }

    private BaseType parseBaseType() {
        Token word = tokens.peek();
        Optional<BaseType> base = word.is(TokenKind.IDENTIFIER) ? BaseType.fromKeyword(word.text()) : Optional.empty();
        if (base.isEmpty()) {
            throw tokens.unexpected(UNEXPECTED_TOKEN,
                    "a type (String, Blob, Bool, I32, I64, U32, U64, F32, F64, DateTime, Date, [T] or Vector(n))");
        }
        tokens.advance();
        return base.get();
    }

    // ── read body ───────────────────────────────────────────────────────────────────────

    private QueryBody.ReadBody parseReadBody() {
        tokens.expectWord("match", UNEXPECTED_TOKEN);
        tokens.expect(TokenKind.LEFT_BRACE, UNEXPECTED_TOKEN, "'{'");
        List<Clause> match = parseClauseBlock();

        tokens.expectWord("return", UNEXPECTED_TOKEN);
        tokens.expect(TokenKind.LEFT_BRACE, UNEXPECTED_TOKEN, "'{'");
        List<Projection> returns = new ArrayList<>();
        do {
            returns.add(parseProjection());
        } while (!tokens.accept(TokenKind.RIGHT_BRACE));

        List<Ordering> order = new ArrayList<>();
        if (tokens.acceptWord("order")) {
            tokens.expect(TokenKind.LEFT_BRACE, UNEXPECTED_TOKEN, "'{'");
            order.add(parseOrdering());
            while (tokens.accept(TokenKind.COMMA)) {
                order.add(parseOrdering());
            }
            tokens.expect(TokenKind.RIGHT_BRACE, UNEXPECTED_TOKEN, "',' or '}'");
        }

        OptionalLong limit = OptionalLong.empty();
        if (tokens.acceptWord("limit")) {
            Token count = tokens.expect(TokenKind.INTEGER, UNEXPECTED_TOKEN, "an integer limit");
            limit = OptionalLong.of(parseLong(count, "limit"));
        }
        return new QueryBody.ReadBody(match, returns, order, limit);
    }

    /** Clauses up to and including the closing brace; at least one (the grammar's {@code clause+}). */
    private List<Clause> parseClauseBlock() {
        List<Clause> clauses = new ArrayList<>();
        do {
            clauses.add(parseClause());
        } while (!tokens.accept(TokenKind.RIGHT_BRACE));
        return clauses;
    }

    private Clause parseClause() {
        Token start = tokens.peek();
        Clause clause;
        if (start.isWord("not") && tokens.peek(1).is(TokenKind.LEFT_BRACE)) {
            tokens.advance();
            tokens.advance();
            tokens.enter();
            List<Clause> inner = parseClauseBlock();
            tokens.exit();
            clause = new Clause.Negation(inner);
        } else if (start.is(TokenKind.VARIABLE) && tokens.peek(1).is(TokenKind.COLON)) {
            clause = parseBinding();
        } else if (start.is(TokenKind.VARIABLE) && looksLikeTraversal()) {
            clause = parseTraversal();
        } else {
            clause = parseFilterOrTextSearch();
        }
        positions.record(clause, span(start));
        return clause;
    }

    private Clause.Binding parseBinding() {
        Token variable = tokens.advance();
        tokens.advance(); // ':'
        Token type = expectTypeName();
        List<PropMatch> matches = new ArrayList<>();
        if (tokens.accept(TokenKind.LEFT_BRACE)) {
            matches.add(parsePropMatch());
            while (tokens.accept(TokenKind.COMMA)) {
                if (tokens.check(TokenKind.RIGHT_BRACE)) {
                    break; // trailing comma
                }
                matches.add(parsePropMatch());
            }
            tokens.expect(TokenKind.RIGHT_BRACE, UNEXPECTED_TOKEN, "',' or '}'");
        }
        return new Clause.Binding(variable.value(), type.text(), matches);
    }

    private PropMatch parsePropMatch() {
        Token property = expectLowerName("a property name");
        tokens.expect(TokenKind.COLON, UNEXPECTED_TOKEN, "':'");
        PropMatch match = new PropMatch(property.text(), parseMatchValue());
        positions.record(match, span(property));
        return match;
    }

    /**
     * Whether the tokens at the cursor have the shape of a traversal:
     * {@code $a [$w:] (edge | <edge>) [{int, [int]}] $b}. Mirrors the reference grammar trying the
     * traversal alternative before the filter alternative.
     */
    private boolean looksLikeTraversal() {
        int at = 1;
        if (tokens.peek(at).is(TokenKind.VARIABLE) && tokens.peek(at + 1).is(TokenKind.COLON)) {
            return true; // an edge binding commits to a traversal: no filter has this shape
        }
        if (tokens.peek(at).is(TokenKind.LESS)) {
            if (!isEdgeName(tokens.peek(at + 1)) || !tokens.peek(at + 2).is(TokenKind.GREATER)) {
                return false;
            }
            at += 3;
        } else if (isEdgeName(tokens.peek(at))) {
            at += 1;
        } else {
            return false;
        }
        if (tokens.peek(at).is(TokenKind.LEFT_BRACE)) {
            if (!tokens.peek(at + 1).is(TokenKind.INTEGER) || !tokens.peek(at + 2).is(TokenKind.COMMA)) {
                return false;
            }
            at += 3;
            if (tokens.peek(at).is(TokenKind.INTEGER)) {
                at += 1;
            }
            if (!tokens.peek(at).is(TokenKind.RIGHT_BRACE)) {
                return false;
            }
            at += 1;
        }
        return tokens.peek(at).is(TokenKind.VARIABLE);
    }

    private static boolean isEdgeName(Token token) {
        return token.isLowerName() && !token.isWord("not");
    }

    private Clause.Traversal parseTraversal() {
        Token source = tokens.advance();
        Optional<String> edgeBinding = Optional.empty();
        if (tokens.peek().is(TokenKind.VARIABLE) && tokens.peek(1).is(TokenKind.COLON)) {
            edgeBinding = Optional.of(tokens.advance().value());
            tokens.advance(); // ':'
        }
        boolean undirected = tokens.accept(TokenKind.LESS);
        Token edge = tokens.peek();
        if (!isEdgeName(edge)) {
            throw tokens.unexpected(UNEXPECTED_TOKEN, "an edge name");
        }
        tokens.advance();
        if (undirected) {
            tokens.expect(TokenKind.GREATER, UNEXPECTED_TOKEN, "'>'");
        }
        long minHops = 1;
        OptionalLong maxHops = OptionalLong.of(1);
        if (tokens.accept(TokenKind.LEFT_BRACE)) {
            minHops = parseHopBound(tokens.expect(TokenKind.INTEGER, UNEXPECTED_TOKEN, "a minimum hop count"));
            tokens.expect(TokenKind.COMMA, UNEXPECTED_TOKEN, "','");
            maxHops = tokens.check(TokenKind.INTEGER)
                    ? OptionalLong.of(parseHopBound(tokens.advance()))
                    : OptionalLong.empty();
            tokens.expect(TokenKind.RIGHT_BRACE, UNEXPECTED_TOKEN, "a maximum hop count or '}'");
        }
        Token destination = tokens.expect(TokenKind.VARIABLE, UNEXPECTED_TOKEN, "a destination variable");
        return new Clause.Traversal(source.value(), edgeBinding, edge.text(), undirected, minHops, maxHops,
                destination.value());
    }

    /** Hop bounds are unsigned 32-bit in the reference. */
    private long parseHopBound(Token token) {
        long value = parseLong(token, "traversal bound");
        if (value > 0xFFFF_FFFFL) {
            throw tokens.error(NUMBER_OUT_OF_RANGE, "invalid traversal bound: " + token.text()
                    + " does not fit an unsigned 32-bit integer", token.span());
        }
        return value;
    }

    private Clause parseFilterOrTextSearch() {
        Token start = tokens.peek();
        Expr left = parseExpr();
        Optional<CompOp> op = filterOperator(tokens.peek());
        if (op.isEmpty()) {
            if (left instanceof Expr.Search || left instanceof Expr.Fuzzy || left instanceof Expr.MatchText) {
                Expr.Lit alwaysTrue = new Expr.Lit(new Literal.BoolLit(true));
                positions.record(alwaysTrue, span(start));
                return new Clause.Filter(left, CompOp.EQ, alwaysTrue);
            }
            throw tokens.unexpected(UNEXPECTED_TOKEN,
                    "a comparison operator (= != < <= > >= contains starts_with)");
        }
        tokens.advance();
        Expr right = parseExpr();
        return new Clause.Filter(left, op.get(), right);
    }

    private static Optional<CompOp> filterOperator(Token token) {
        return switch (token.kind()) {
            case EQUALS -> Optional.of(CompOp.EQ);
            case NOT_EQUALS -> Optional.of(CompOp.NE);
            case LESS -> Optional.of(CompOp.LT);
            case LESS_EQUAL -> Optional.of(CompOp.LE);
            case GREATER -> Optional.of(CompOp.GT);
            case GREATER_EQUAL -> Optional.of(CompOp.GE);
            case IDENTIFIER -> token.isWord("contains") ? Optional.of(CompOp.CONTAINS)
                    : token.isWord("starts_with") ? Optional.of(CompOp.STARTS_WITH) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Projection parseProjection() {
        Token start = tokens.peek();
        Expr expr = parseExpr();
        Optional<String> alias = Optional.empty();
        if (tokens.acceptWord("as")) {
            alias = Optional.of(expectLowerName("an alias name").text());
        }
        tokens.accept(TokenKind.COMMA);
        Projection projection = new Projection(expr, alias);
        positions.record(projection, span(start));
        return projection;
    }

    private Ordering parseOrdering() {
        Token start = tokens.peek();
        Expr expr = parseExpr();
        boolean descending = false;
        if (tokens.checkWord("asc") || tokens.checkWord("desc")) {
            if (expr instanceof Expr.Nearest) {
                throw tokens.error(NEAREST_DIRECTION, "nearest() ordering does not accept asc/desc modifiers",
                        tokens.peek().span());
            }
            descending = tokens.advance().isWord("desc");
        }
        Ordering ordering = new Ordering(expr, descending);
        positions.record(ordering, span(start));
        return ordering;
    }

    // ── expressions ─────────────────────────────────────────────────────────────────────

    private Expr parseExpr() {
        tokens.enter();
        Token start = tokens.peek();
        Expr expr = parseExprUnrecorded(start);
        positions.record(expr, span(start));
        tokens.exit();
        return expr;
    }

    private Expr parseExprUnrecorded(Token start) {
        switch (start.kind()) {
            case VARIABLE -> {
                tokens.advance();
                if (tokens.accept(TokenKind.DOT)) {
                    Token property = expectLowerName("a property name");
                    return new Expr.Prop(start.value(), property.text());
                }
                return new Expr.Var(start.value());
            }
            case STRING, INTEGER, FLOAT, LEFT_BRACKET -> {
                return new Expr.Lit(parseLiteral());
            }
            case IDENTIFIER -> {
                boolean call = tokens.peek(1).is(TokenKind.LEFT_PAREN);
                String word = start.text();
                if (call) {
                    Optional<Expr> function = parseFunctionCall(word);
                    if (function.isPresent()) {
                        return function.get();
                    }
                }
                if (word.equals("true") || word.equals("false") || (call && isLiteralFunction(word))) {
                    return new Expr.Lit(parseLiteral());
                }
                if (start.isLowerName()) {
                    tokens.advance();
                    return new Expr.AliasRef(word);
                }
                throw tokens.unexpected(UNEXPECTED_TOKEN, "an expression");
            }
            default -> throw tokens.unexpected(UNEXPECTED_TOKEN, "an expression");
        }
    }

    /** A built-in call at the cursor ({@code word(} seen); empty when {@code word} is not a function. */
    private Optional<Expr> parseFunctionCall(String word) {
        Optional<AggFunc> aggregate = AggFunc.fromSpelling(word);
        if (aggregate.isPresent()) {
            openCall();
            Expr argument = parseExpr();
            closeCall();
            return Optional.of(new Expr.Aggregate(aggregate.get(), argument));
        }
        switch (word) {
            case "now" -> {
                openCall();
                closeCall();
                return Optional.of(new Expr.NowCall());
            }
            case "nearest" -> {
                return Optional.of(parseNearest());
            }
            case "search", "match_text", "bm25" -> {
                openCall();
                Expr field = parseExpr();
                tokens.expect(TokenKind.COMMA, UNEXPECTED_TOKEN, "','");
                Expr query = parseExpr();
                closeCall();
                return Optional.of(switch (word) {
                    case "search" -> new Expr.Search(field, query);
                    case "match_text" -> new Expr.MatchText(field, query);
                    default -> new Expr.Bm25(field, query);
                });
            }
            case "fuzzy" -> {
                openCall();
                Expr field = parseExpr();
                tokens.expect(TokenKind.COMMA, UNEXPECTED_TOKEN, "','");
                Expr query = parseExpr();
                Optional<Expr> maxEdits = tokens.accept(TokenKind.COMMA) ? Optional.of(parseExpr()) : Optional.empty();
                closeCall();
                return Optional.of(new Expr.Fuzzy(field, query, maxEdits));
            }
            case "rrf" -> {
                openCall();
                Expr primary = parseRankArgument();
                tokens.expect(TokenKind.COMMA, UNEXPECTED_TOKEN, "','");
                Expr secondary = parseRankArgument();
                Optional<Expr> k = tokens.accept(TokenKind.COMMA) ? Optional.of(parseExpr()) : Optional.empty();
                closeCall();
                return Optional.of(new Expr.Rrf(primary, secondary, k));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Expr parseRankArgument() {
        Token start = tokens.peek();
        boolean rank = (start.isWord("nearest") || start.isWord("bm25")) && tokens.peek(1).is(TokenKind.LEFT_PAREN);
        if (!rank) {
            throw tokens.error(RRF_RANK_ARGUMENT, "rrf() rank expression must be nearest(...) or bm25(...), found "
                    + start.describe(), start.span());
        }
        return parseExpr();
    }

    private Expr parseNearest() {
        openCall();
        Token variable = tokens.expect(TokenKind.VARIABLE, UNEXPECTED_TOKEN, "a property access such as '$d.embedding'");
        tokens.expect(TokenKind.DOT, UNEXPECTED_TOKEN, "'.'");
        Token property = expectLowerName("a property name");
        tokens.expect(TokenKind.COMMA, UNEXPECTED_TOKEN, "','");
        Expr query = parseExpr();
        closeCall();
        return new Expr.Nearest(variable.value(), property.text(), query);
    }

    private void openCall() {
        tokens.advance(); // the function name
        tokens.expect(TokenKind.LEFT_PAREN, UNEXPECTED_TOKEN, "'('");
    }

    private void closeCall() {
        tokens.expect(TokenKind.RIGHT_PAREN, UNEXPECTED_TOKEN, "')'");
    }

    private static boolean isLiteralFunction(String word) {
        return word.equals("date") || word.equals("datetime");
    }

    private MatchValue parseMatchValue() {
        Token start = tokens.peek();
        MatchValue value;
        if (start.is(TokenKind.VARIABLE)) {
            tokens.advance();
            value = new Expr.Var(start.value());
        } else if (start.isWord("now") && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            openCall();
            closeCall();
            value = new Expr.NowCall();
        } else if (startsLiteral(start)) {
            value = new Expr.Lit(parseLiteral());
        } else {
            throw tokens.unexpected(UNEXPECTED_TOKEN, "a literal, a $parameter or now()");
        }
        positions.record(value, span(start));
        return value;
    }

    private boolean startsLiteral(Token token) {
        return switch (token.kind()) {
            case STRING, INTEGER, FLOAT, LEFT_BRACKET -> true;
            case IDENTIFIER -> token.isWord("true") || token.isWord("false")
                    || (isLiteralFunction(token.text()) && tokens.peek(1).is(TokenKind.LEFT_PAREN));
            default -> false;
        };
    }

    private Literal parseLiteral() {
        Token token = tokens.peek();
        switch (token.kind()) {
            case STRING -> {
                tokens.advance();
                return new Literal.StringLit(token.value());
            }
            case INTEGER -> {
                tokens.advance();
                return new Literal.IntLit(parseLong(token, "integer"));
            }
            case FLOAT -> {
                tokens.advance();
                double value = Double.parseDouble(token.text());
                if (Double.isInfinite(value)) {
                    throw tokens.error(NUMBER_OUT_OF_RANGE, "invalid float: " + token.text()
                            + " is outside the 64-bit floating-point range", token.span());
                }
                return new Literal.FloatLit(value);
            }
            case LEFT_BRACKET -> {
                tokens.enter();
                tokens.advance();
                List<Literal> items = new ArrayList<>();
                if (!tokens.check(TokenKind.RIGHT_BRACKET)) {
                    items.add(parseListItem());
                    while (tokens.accept(TokenKind.COMMA)) {
                        items.add(parseListItem());
                    }
                }
                tokens.expect(TokenKind.RIGHT_BRACKET, UNEXPECTED_TOKEN, "',' or ']'");
                tokens.exit();
                return new Literal.ListLit(items);
            }
            case IDENTIFIER -> {
                if (token.isWord("true") || token.isWord("false")) {
                    tokens.advance();
                    return new Literal.BoolLit(token.isWord("true"));
                }
                if (isLiteralFunction(token.text())) {
                    openCall();
                    String text = tokens.expect(TokenKind.STRING, UNEXPECTED_TOKEN, "a string literal").value();
                    closeCall();
                    return token.isWord("date") ? new Literal.DateLit(text) : new Literal.DateTimeLit(text);
                }
                throw tokens.unexpected(UNEXPECTED_TOKEN, "a literal");
            }
            default -> throw tokens.unexpected(UNEXPECTED_TOKEN, "a literal");
        }
    }

    private Literal parseListItem() {
        if (!startsLiteral(tokens.peek())) {
            throw tokens.unexpected(UNEXPECTED_TOKEN, "a literal");
        }
        return parseLiteral();
    }

    // ── mutations ───────────────────────────────────────────────────────────────────────

    private static boolean isMutationKeyword(Token token) {
        return token.isWord("insert") || token.isWord("update") || token.isWord("delete");
    }

    private QueryBody.MutationBody parseMutationBody() {
        List<Mutation> statements = new ArrayList<>();
        do {
            statements.add(parseMutation());
        } while (isMutationKeyword(tokens.peek()));
        return new QueryBody.MutationBody(statements);
    }

    private Mutation parseMutation() {
        Token keyword = tokens.advance();
        Token type = expectTypeName();
        Mutation mutation;
        if (keyword.isWord("insert")) {
            mutation = new Mutation.Insert(type.text(), parseAssignmentBlock());
        } else if (keyword.isWord("update")) {
            tokens.expectWord("set", UNEXPECTED_TOKEN);
            List<Assignment> assignments = parseAssignmentBlock();
            tokens.expectWord("where", UNEXPECTED_TOKEN);
            mutation = new Mutation.Update(type.text(), assignments, parsePredicate());
        } else {
            tokens.expectWord("where", UNEXPECTED_TOKEN);
            mutation = new Mutation.Delete(type.text(), parsePredicate());
        }
        positions.record(mutation, span(keyword));
        return mutation;
    }

    /** {@code { (ident : value ,?)+ }}: commas between assignments are optional, as in the reference. */
    private List<Assignment> parseAssignmentBlock() {
        tokens.expect(TokenKind.LEFT_BRACE, UNEXPECTED_TOKEN, "'{'");
        List<Assignment> assignments = new ArrayList<>();
        do {
            Token property = expectLowerName("a property name");
            tokens.expect(TokenKind.COLON, UNEXPECTED_TOKEN, "':'");
            Assignment assignment = new Assignment(property.text(), parseMatchValue());
            positions.record(assignment, span(property));
            assignments.add(assignment);
            tokens.accept(TokenKind.COMMA);
        } while (!tokens.accept(TokenKind.RIGHT_BRACE));
        return assignments;
    }

    private MutationPredicate parsePredicate() {
        Token property = expectLowerName("a property name");
        Token operator = tokens.peek();
        Optional<CompOp> op = filterOperator(operator);
        if (op.isEmpty()) {
            throw tokens.unexpected(UNEXPECTED_TOKEN, "a comparison operator (= != < <= > >=)");
        }
        if (!op.get().isComparison()) {
            throw tokens.error(MUTATION_PREDICATE_OPERATOR, "`" + operator.text()
                    + "` is not allowed in a mutation where; use = != < <= > >=", operator.span());
        }
        tokens.advance();
        MutationPredicate predicate = new MutationPredicate(property.text(), op.get(), parseMatchValue());
        positions.record(predicate, span(property));
        return predicate;
    }

    // ── helpers ─────────────────────────────────────────────────────────────────────────

    private Token expectLowerName(String what) {
        Token token = tokens.peek();
        if (token.isLowerName()) {
            return tokens.advance();
        }
        if (token.is(TokenKind.IDENTIFIER)) {
            throw tokens.error(NAME_SHAPE, "expected " + what + " starting with a lower-case letter or '_', found "
                    + token.describe(), token.span());
        }
        throw tokens.unexpected(UNEXPECTED_TOKEN, what);
    }

    private Token expectTypeName() {
        Token token = tokens.peek();
        if (token.isTypeName()) {
            return tokens.advance();
        }
        if (token.is(TokenKind.IDENTIFIER)) {
            throw tokens.error(NAME_SHAPE, "expected a type name starting with an upper-case letter, found "
                    + token.describe(), token.span());
        }
        throw tokens.unexpected(UNEXPECTED_TOKEN, "a type name");
    }

    private long parseLong(Token token, String what) {
        try {
            return Long.parseLong(token.text());
        } catch (NumberFormatException tooLarge) {
            throw tokens.error(NUMBER_OUT_OF_RANGE, "invalid " + what + ": " + token.text()
                    + " does not fit a signed 64-bit integer", token.span());
        }
    }

    /** From {@code start} to the last consumed token. */
    private Span span(Token start) {
        Token last = tokens.previous();
        return last.span().end() >= start.span().start() ? start.span().to(last.span()) : start.span();
    }
}
