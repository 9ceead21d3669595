package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.SourceFile;

/** The schema language's front door: source text in, validated schema out. */
public final class SchemaCompiler {

    private SchemaCompiler() {
    }

    /** Parses and validates {@code source}; throws {@link dev.omnigraph.domain.lang.LanguageException} otherwise. */
    public static ValidatedSchema compile(SourceFile source) {
        return SchemaValidator.validate(SchemaParser.parse(source), source);
    }

    /** Convenience for {@link #compile(SourceFile)} with a named in-memory source. */
    public static ValidatedSchema compile(String name, String text) {
        return compile(new SourceFile(name, text));
    }
}
