package dev.omnigraph.domain.schema.migration;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * The planner's decision: the ordered steps and whether all of them are supported. A plan is
 * returned even when unsupported, so callers can show every reason; applying one is refused with
 * the first unsupported step's {@code [code] reason}.
 */
public record MigrationPlan(boolean supported, List<MigrationStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    static MigrationPlan of(List<MigrationStep> steps) {
        return new MigrationPlan(steps.stream().noneMatch(MigrationStep.UnsupportedChange.class::isInstance), steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The first unsupported step, whose message an apply refuses with. */
    public Optional<MigrationStep.UnsupportedChange> firstUnsupported() {
        return steps.stream().filter(MigrationStep.UnsupportedChange.class::isInstance)
                .map(MigrationStep.UnsupportedChange.class::cast).findFirst();
    }

    /** The same plan with every drop promoted to {@link DropMode#HARD} ({@code allow_data_loss}). */
    public MigrationPlan withHardDrops() {
        return new MigrationPlan(supported, steps.stream().map(step -> {
            if (step instanceof MigrationStep.DropType drop) {
                return (MigrationStep) new MigrationStep.DropType(drop.typeKind(), drop.name(), DropMode.HARD);
            }
            if (step instanceof MigrationStep.DropProperty drop) {
                return new MigrationStep.DropProperty(drop.typeKind(), drop.typeName(), drop.propertyName(),
                        DropMode.HARD);
            }
            return step;
        }).toList());
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("supported", supported)
                .put("steps", new JsonArray(steps.stream().<JsonValue>map(MigrationStep::toJson).toList()))
                .build();
    }

    public static MigrationPlan fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        return new MigrationPlan(object.get("supported").asBoolean(),
                object.get("steps").asArray().elements().stream().map(MigrationStep::fromJson).toList());
    }
}
