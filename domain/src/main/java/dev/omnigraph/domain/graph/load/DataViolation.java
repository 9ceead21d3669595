package dev.omnigraph.domain.graph.load;

/**
 * One reason graph data was refused.
 *
 * @param code a stable code ({@code D001}…; see {@link DataCodes})
 * @param line the 1-based input line, or 0 when the violation is not tied to one line
 * @param message what is wrong, naming the type, property and value
 */
public record DataViolation(String code, int line, String message) {

    /** {@code line 12: [D003] Person.age: …} */
    public String render() {
        return (line > 0 ? "line " + line + ": " : "") + "[" + code + "] " + message;
    }
}
