package dev.omnigraph.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon, checked on every production class of every module. Maven already stops a module from
 * declaring a forbidden dependency (enforcer bannedDependencies); these rules see what Maven cannot:
 * the package roles inside a module (application vs ports), directions between layers that share a
 * jar, and libraries that arrive transitively.
 */
@AnalyzeClasses(packages = "dev.omnigraph", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonRulesTest {

    @ArchTest
    static final ArchRule hexagon_directions = ArchitectureRules.HEXAGON_DIRECTIONS;

    @ArchTest
    static final ArchRule domain_uses_only_the_jdk_allow_list = ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_ALLOW_LIST;

    @ArchTest
    static final ArchRule domain_has_no_threads_clocks_or_randomness = ArchitectureRules.DOMAIN_HAS_NO_THREADS_CLOCKS_OR_RANDOMNESS;

    @ArchTest
    static final ArchRule ports_and_application_use_only_domain_jdk_and_slf4j =
            ArchitectureRules.PORTS_AND_APPLICATION_USE_ONLY_DOMAIN_JDK_AND_SLF4J;

    @ArchTest
    static final ArchRule application_performs_no_io_of_its_own = ArchitectureRules.APPLICATION_PERFORMS_NO_IO_OF_ITS_OWN;

    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.NO_PACKAGE_CYCLES;
}
