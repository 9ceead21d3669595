package dev.omnigraph.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Coding, naming and vocabulary conventions that keep the code base legible to the next engineer and the
 * public API stable for clients. Each rule names its reason in its {@code because} clause.
 */
@AnalyzeClasses(packages = "dev.omnigraph", importOptions = ImportOption.DoNotIncludeTests.class)
class CodingAndNamingRulesTest {

    @ArchTest
    static final ArchRule no_standard_streams_outside_entry_points = ArchitectureRules.NO_STANDARD_STREAMS_OUTSIDE_ENTRY_POINTS;

    @ArchTest
    static final ArchRule no_generic_exceptions = ArchitectureRules.NO_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = ArchitectureRules.NO_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_field_injection = ArchitectureRules.NO_FIELD_INJECTION;

    @ArchTest
    static final ArchRule loggers_are_private_static_final = ArchitectureRules.LOGGERS_ARE_PRIVATE_STATIC_FINAL;

    @ArchTest
    static final ArchRule use_cases_are_named_as_use_cases = ArchitectureRules.USE_CASES_ARE_NAMED_AS_USE_CASES;

    @ArchTest
    static final ArchRule driven_ports_are_capability_nouns = ArchitectureRules.DRIVEN_PORTS_ARE_CAPABILITY_NOUNS;

    @ArchTest
    static final ArchRule adapters_are_named_tech_plus_port_and_hidden = ArchitectureRules.ADAPTERS_ARE_NAMED_TECH_PLUS_PORT_AND_HIDDEN;

    @ArchTest
    static final ArchRule application_services_are_named_services = ArchitectureRules.APPLICATION_SERVICES_ARE_NAMED_SERVICES;

    @ArchTest
    static final ArchRule every_package_states_its_role = ArchitectureRules.EVERY_PACKAGE_STATES_ITS_ROLE;

    @ArchTest
    static final ArchRule public_api_speaks_graph_vocabulary = ArchitectureRules.PUBLIC_API_SPEAKS_GRAPH_VOCABULARY;
}
