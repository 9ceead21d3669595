package dev.omnigraph.adapters.http.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;

/**
 * The JSON member name of a wire-record component, as the serializer writes it: the {@code @JsonProperty}
 * name when one is given, else the snake_case of the component name (the records' naming strategy).
 */
public final class WireNames {

    private WireNames() {}

    public static String of(RecordComponent component) {
        JsonProperty explicit = component.getAccessor().getAnnotation(JsonProperty.class);
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        return snakeCase(component.getName());
    }

    /** {@code graphCommitId} → {@code graph_commit_id}. */
    public static String snakeCase(String camelCase) {
        StringBuilder snake = new StringBuilder(camelCase.length() + 4);
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
