package dev.omnigraph.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule that cannot fail protects nothing: a typo in a package pattern silently turns it into a
 * tautology that passes forever. So every rule of {@link ArchitectureRules} is evaluated here against
 * deliberately violating canary classes (test sources under {@code ..archcanary..}, never production
 * code) and must report the canary by name. Where a rule distinguishes good from bad, a well-formed
 * canary must not be reported.
 */
class RulesCanFailTest {

    private static final JavaClasses CANARIES = new ClassFileImporter().importPackages(
            "dev.omnigraph.domain.archcanary",
            "dev.omnigraph.application.archcanary",
            "dev.omnigraph.application.engine.archcanary",
            "dev.omnigraph.ports.in.archcanary",
            "dev.omnigraph.ports.out.archcanary",
            "dev.omnigraph.adapters.storage.archcanary",
            "dev.omnigraph.adapters.http.archcanary",
            "dev.omnigraph.adapters.cli.archcanary",
            "dev.omnigraph.adapters.grpc.archcanary");

    static Stream<Arguments> rulesAndTheirCanaries() {
        return Stream.of(
                Arguments.of("hexagon directions", ArchitectureRules.HEXAGON_DIRECTIONS,
                        List.of("HttpReachingIntoStorage"), List.of()),
                Arguments.of("domain JDK allow-list", ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_ALLOW_LIST,
                        List.of("DomainUsingArrow"), List.of("DomainReadingTheClock")),
                Arguments.of("no threads, clocks or randomness in domain", ArchitectureRules.DOMAIN_HAS_NO_THREADS_CLOCKS_OR_RANDOMNESS,
                        List.of("DomainReadingTheClock", "DomainUsingThreads"), List.of("DomainUsingArrow")),
                Arguments.of("ports/application purity", ArchitectureRules.PORTS_AND_APPLICATION_USE_ONLY_DOMAIN_JDK_AND_SLF4J,
                        List.of("DoThingHandler"), List.of("DoThingUseCase")),
                Arguments.of("application performs no I/O", ArchitectureRules.APPLICATION_PERFORMS_NO_IO_OF_ITS_OWN,
                        List.of("DoThingHandler"), List.of()),
                Arguments.of("storage libraries contained", ArchitectureRules.ONLY_STORAGE_ADAPTER_TOUCHES_STORAGE_LIBRARIES,
                        List.of("DomainUsingArrow"), List.of("StrayLanceWriter")),
                Arguments.of("cedar contained", ArchitectureRules.ONLY_POLICY_ADAPTER_TOUCHES_CEDAR,
                        List.of("CliUsingCedar"), List.of()),
                Arguments.of("micronaut and grpc contained", ArchitectureRules.ONLY_SERVING_ADAPTERS_AND_BOOTSTRAP_TOUCH_MICRONAUT_AND_GRPC,
                        List.of("StrayLanceWriter"), List.of("SloppyController")),
                Arguments.of("picocli contained", ArchitectureRules.ONLY_CLI_ADAPTER_AND_BOOTSTRAP_TOUCH_PICOCLI,
                        List.of("HttpReachingIntoStorage"), List.of()),
                Arguments.of("one door commits Lance versions", ArchitectureRules.ONLY_LANCE_TABLE_STORAGE_COMMITS_LANCE_VERSIONS,
                        List.of("StrayLanceWriter"), List.of()),
                Arguments.of("kernel knows no transport or authentication",
                        ArchitectureRules.KERNEL_KNOWS_NO_TRANSPORT_OR_AUTHENTICATION,
                        List.of("EngineReadingBearerTokens"), List.of("SloppyController")),
                Arguments.of("no reflective access to private APIs", ArchitectureRules.NO_REFLECTIVE_ACCESS_TO_PRIVATE_APIS,
                        List.of("ReflectiveLanceReach"), List.of("StrayLanceWriter")),
                Arguments.of("no package cycles", ArchitectureRules.NO_PACKAGE_CYCLES,
                        List.of("CycleA", "CycleB"), List.of()),
                Arguments.of("no standard streams", ArchitectureRules.NO_STANDARD_STREAMS_OUTSIDE_ENTRY_POINTS,
                        List.of("SloppyController"), List.of()),
                Arguments.of("no generic exceptions", ArchitectureRules.NO_GENERIC_EXCEPTIONS,
                        List.of("SloppyController"), List.of()),
                Arguments.of("no java.util.logging", ArchitectureRules.NO_JAVA_UTIL_LOGGING,
                        List.of("SloppyController"), List.of()),
                Arguments.of("no field injection", ArchitectureRules.NO_FIELD_INJECTION,
                        List.of("SloppyController"), List.of()),
                Arguments.of("loggers private static final", ArchitectureRules.LOGGERS_ARE_PRIVATE_STATIC_FINAL,
                        List.of("SloppyController"), List.of()),
                Arguments.of("use cases named as use cases", ArchitectureRules.USE_CASES_ARE_NAMED_AS_USE_CASES,
                        List.of("ThingManager"), List.of("DoThingUseCase")),
                Arguments.of("driven ports are capability nouns", ArchitectureRules.DRIVEN_PORTS_ARE_CAPABILITY_NOUNS,
                        List.of("ThingStorePort"), List.of("archcanary.ThingStore>")),
                Arguments.of("adapters named <Tech><Port> and hidden", ArchitectureRules.ADAPTERS_ARE_NAMED_TECH_PLUS_PORT_AND_HIDDEN,
                        List.of("PublicThingStore", "StoreOfThings"), List.of()),
                Arguments.of("application services named *Service", ArchitectureRules.APPLICATION_SERVICES_ARE_NAMED_SERVICES,
                        List.of("DoThingHandler"), List.of()),
                Arguments.of("every package has a package-info", ArchitectureRules.EVERY_PACKAGE_STATES_ITS_ROLE,
                        List.of("Orphan"), List.of()),
                Arguments.of("public API speaks graph vocabulary", ArchitectureRules.PUBLIC_API_SPEAKS_GRAPH_VOCABULARY,
                        List.of("DatasetResponse", "fragmentCount"), List.of("SloppyController")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirCanaries")
    void each_rule_reports_its_canary(String ruleName, ArchRule rule, List<String> mustBeReported, List<String> mustNotBeReported) {
        EvaluationResult result = rule.evaluate(CANARIES);
        assertTrue(result.hasViolation(), ruleName + " reported no violation on its canaries");
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String expected : mustBeReported) {
            assertTrue(report.contains(expected), ruleName + " did not report " + expected + ":\n" + report);
        }
        for (String innocent : mustNotBeReported) {
            assertFalse(report.contains(innocent), ruleName + " wrongly reported " + innocent + ":\n" + report);
        }
    }
}
