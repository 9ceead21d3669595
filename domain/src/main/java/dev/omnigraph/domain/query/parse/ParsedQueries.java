package dev.omnigraph.domain.query.parse;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.ast.QueryFile;

import java.util.Objects;
import java.util.Optional;

/** A parsed {@code .gq} file: its text, its syntax tree and where each node came from. */
public record ParsedQueries(SourceFile source, QueryFile file, SourcePositions positions) {
    public ParsedQueries {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(positions, "positions");
    }

    /** The first declaration named {@code name}, if any. */
    public Optional<QueryDecl> query(String name) {
        return file.find(name);
    }
}
