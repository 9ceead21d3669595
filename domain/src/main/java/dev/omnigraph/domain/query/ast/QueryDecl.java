package dev.omnigraph.domain.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code query name($p: T, ...) [@description("…")] [@instruction("…")] { body }}.
 *
 * @param name lowercase-initial identifier
 * @param params declared parameters in source order (names without the {@code $})
 * @param description text of {@code @description}, if present
 * @param instruction text of {@code @instruction}, if present
 * @param body either a read pipeline or a list of mutation statements
 */
public record QueryDecl(
        String name,
        List<Param> params,
        Optional<String> description,
        Optional<String> instruction,
        QueryBody body) {
    public QueryDecl {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(body, "body");
    }

    /** True when the body is insert/update/delete statements rather than match/return. */
    public boolean isMutation() {
        return body instanceof QueryBody.MutationBody;
    }

    /** The declared parameter with this name, if any. */
    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
