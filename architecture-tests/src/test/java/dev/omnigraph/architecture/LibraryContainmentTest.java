package dev.omnigraph.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each third-party library lives in exactly one adapter (our version of the reference's forbidden-API
 * guard). A library that leaks into a second place makes it part of two contracts and impossible to swap
 * or upgrade in one step; the storage-protocol rule keeps Lance commits behind one door.
 */
@AnalyzeClasses(packages = "dev.omnigraph", importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryContainmentTest {

    @ArchTest
    static final ArchRule only_storage_adapter_touches_storage_libraries = ArchitectureRules.ONLY_STORAGE_ADAPTER_TOUCHES_STORAGE_LIBRARIES;

    @ArchTest
    static final ArchRule only_policy_adapter_touches_cedar = ArchitectureRules.ONLY_POLICY_ADAPTER_TOUCHES_CEDAR;

    @ArchTest
    static final ArchRule only_serving_adapters_and_bootstrap_touch_micronaut_and_grpc =
            ArchitectureRules.ONLY_SERVING_ADAPTERS_AND_BOOTSTRAP_TOUCH_MICRONAUT_AND_GRPC;

    @ArchTest
    static final ArchRule only_cli_adapter_and_bootstrap_touch_picocli = ArchitectureRules.ONLY_CLI_ADAPTER_AND_BOOTSTRAP_TOUCH_PICOCLI;

    @ArchTest
    static final ArchRule only_lance_table_storage_commits_lance_versions = ArchitectureRules.ONLY_LANCE_TABLE_STORAGE_COMMITS_LANCE_VERSIONS;
}
