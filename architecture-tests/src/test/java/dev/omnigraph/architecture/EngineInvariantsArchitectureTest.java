package dev.omnigraph.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The structural invariants of engine notes §8.5, on the production classes. The behavioural ones are named
 * tests of {@code EngineInvariantsOnLanceTest} (bootstrap); invariant 12 is {@link BearerTokenInvariantTest}.
 */
@AnalyzeClasses(packages = "dev.omnigraph", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineInvariantsArchitectureTest {

    /**
     * Invariant 1: respect the substrate. Lance, Arrow and the cloud SDKs are used only by the storage adapter,
     * one class commits Lance versions, and nothing pries private members open.
     */
    @ArchTest
    static final ArchRule invariant_01_respect_the_substrate = CompositeArchRule
            .of(ArchitectureRules.ONLY_STORAGE_ADAPTER_TOUCHES_STORAGE_LIBRARIES)
            .and(ArchitectureRules.ONLY_LANCE_TABLE_STORAGE_COMMITS_LANCE_VERSIONS)
            .and(ArchitectureRules.NO_REFLECTIVE_ACCESS_TO_PRIVATE_APIS);

    /**
     * Invariant 11: transport and authentication stay at the boundary. The engine and the languages depend on no
     * serving, access-control or adapter code and on no server framework.
     */
    @ArchTest
    static final ArchRule invariant_11_transport_and_authentication_stay_at_the_boundary = CompositeArchRule
            .of(ArchitectureRules.KERNEL_KNOWS_NO_TRANSPORT_OR_AUTHENTICATION)
            .and(ArchitectureRules.ONLY_SERVING_ADAPTERS_AND_BOOTSTRAP_TOUCH_MICRONAUT_AND_GRPC);
}
