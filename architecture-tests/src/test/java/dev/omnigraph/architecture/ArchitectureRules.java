package dev.omnigraph.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * Every architecture rule of the project, in one place, so that the suites that enforce them on the
 * production classes and the canary suite that proves each can fail ({@link RulesCanFailTest}) evaluate
 * the very same rule objects.
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    static final String DOMAIN = "dev.omnigraph.domain..";
    static final String PORTS = "dev.omnigraph.ports..";
    static final String APPLICATION = "dev.omnigraph.application..";
    static final String STORAGE = "dev.omnigraph.adapters.storage..";
    static final String POLICY = "dev.omnigraph.adapters.policy..";
    static final String EMBEDDING = "dev.omnigraph.adapters.embedding..";
    static final String HTTP = "dev.omnigraph.adapters.http..";
    static final String GRPC = "dev.omnigraph.adapters.grpc..";
    static final String CLI = "dev.omnigraph.adapters.cli..";
    static final String BOOTSTRAP = "dev.omnigraph.bootstrap..";

    // ---- hexagon directions -------------------------------------------------------------------

    static final ArchRule HEXAGON_DIRECTIONS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Application").definedBy(APPLICATION)
            .layer("StorageAdapter").definedBy(STORAGE)
            .layer("PolicyAdapter").definedBy(POLICY)
            .layer("EmbeddingAdapter").definedBy(EMBEDDING)
            .layer("HttpAdapter").definedBy(HTTP)
            .layer("GrpcAdapter").definedBy(GRPC)
            .layer("CliAdapter").definedBy(CLI)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Domain").mayNotAccessAnyLayer()
            .whereLayer("Ports").mayOnlyAccessLayers("Domain")
            .whereLayer("Application").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("StorageAdapter").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("PolicyAdapter").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("EmbeddingAdapter").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("HttpAdapter").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("GrpcAdapter").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("CliAdapter").mayOnlyAccessLayers("Ports", "Domain")
            .whereLayer("StorageAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("PolicyAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("EmbeddingAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("GrpcAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("CliAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .because("the domain decides, ports define the contracts, the application orchestrates, adapters "
                    + "translate, and only bootstrap may see adapters and use cases together to wire them");

    // ---- purity of the core -------------------------------------------------------------------

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK_ALLOW_LIST = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(describe("on the JDK allow-list or in the domain", (JavaClass target) ->
                    target.getPackageName().startsWith("dev.omnigraph.domain")
                            || isArrayOrPrimitive(target)
                            || startsWithAny(target.getPackageName(), "java.lang", "java.util", "java.time", "java.math", "java.nio.charset")
                            || target.getName().equals("java.security.MessageDigest")
                            || target.getName().equals("java.security.NoSuchAlgorithmException")
                            || target.getName().equals("java.security.GeneralSecurityException")))
            .because("the domain is the pure model and its decisions: no frameworks, libraries or I/O, "
                    + "so every decision is a testable function of its arguments");

    static final ArchRule DOMAIN_HAS_NO_THREADS_CLOCKS_OR_RANDOMNESS = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "java.lang.reflect..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .orShould().callMethodWhere(describe("reads a clock or a source of randomness", (JavaAccess<?> call) ->
                    isClockOrRandomnessRead(call)))
            .because("time and ids arrive as arguments, so the same inputs always give the same decision "
                    + "and crash windows can be replayed in tests");

    static final ArchRule PORTS_AND_APPLICATION_USE_ONLY_DOMAIN_JDK_AND_SLF4J = classes()
            .that().resideInAnyPackage(PORTS, APPLICATION)
            .should().onlyDependOnClassesThat(describe("in domain, ports, application, the JDK or SLF4J", (JavaClass target) ->
                    isArrayOrPrimitive(target)
                            || startsWithAny(target.getPackageName(), "java.", "dev.omnigraph.domain", "dev.omnigraph.ports",
                                    "dev.omnigraph.application", "org.slf4j")))
            .because("use cases and the SPI must not drag a framework or driver into every adapter and adopter");

    static final ArchRule APPLICATION_PERFORMS_NO_IO_OF_ITS_OWN = noClasses()
            .that().resideInAnyPackage(PORTS, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .because("every byte the application reads or writes goes through a driven port, so local disk, "
                    + "S3 and Azure are one code path and storage operations can be counted");

    // ---- library containment -----------------------------------------------------------------

    static final ArchRule ONLY_STORAGE_ADAPTER_TOUCHES_STORAGE_LIBRARIES = noClasses()
            .that().resideOutsideOfPackage(STORAGE)
            .should().dependOnClassesThat().resideInAnyPackage("org.lance..", "org.apache.arrow..", "software.amazon..", "com.azure..")
            .because("Lance, Arrow and the cloud SDKs are storage details behind TableStorage and ObjectStore");

    static final ArchRule ONLY_POLICY_ADAPTER_TOUCHES_CEDAR = noClasses()
            .that().resideOutsideOfPackage(POLICY)
            .should().dependOnClassesThat().resideInAnyPackage("com.cedarpolicy..")
            .because("authorization decisions are taken behind the PolicyEngine port");

    static final ArchRule ONLY_SERVING_ADAPTERS_AND_BOOTSTRAP_TOUCH_MICRONAUT_AND_GRPC = noClasses()
            .that().resideOutsideOfPackages(HTTP, GRPC, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.grpc..", "jakarta.inject..")
            .because("the server framework and DI live at the edge; the core and the driven adapters stay plain Java "
                    + "that bootstrap wires");

    static final ArchRule ONLY_CLI_ADAPTER_AND_BOOTSTRAP_TOUCH_PICOCLI = noClasses()
            .that().resideOutsideOfPackages(CLI, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("picocli..")
            .because("command-line parsing is the CLI adapter's concern");

    // ---- storage protocol --------------------------------------------------------------------

    private static final Set<String> LANCE_WRITE_METHODS = Set.of(
            "create", "write", "commit", "commitAppend", "commitOverwrite", "commitTransaction", "execute",
            "delete", "mergeInsert", "update", "restore", "compact", "drop", "addColumns", "alterColumns",
            "dropColumns", "createIndex", "dropIndex", "optimizeIndices", "updateConfig", "deleteConfigKeys",
            "createBranch", "cleanupWithPolicy", "replaceSchemaMetadata", "replaceFieldMetadata");

    static final ArchRule ONLY_LANCE_TABLE_STORAGE_COMMITS_LANCE_VERSIONS = noClasses()
            .that().resideInAPackage(STORAGE)
            .and(describe("are not LanceTableStorage or nested in it", (JavaClass c) ->
                    !c.getName().matches(".*\\.LanceTableStorage(\\$.*)?")))
            .should().callMethodWhere(describe("writes or commits a Lance dataset", (JavaAccess<?> call) ->
                    call.getTargetOwner().getPackageName().startsWith("org.lance")
                            && LANCE_WRITE_METHODS.contains(call.getName())))
            .because("one door commits Lance versions, so every graph write passes the same staging, recovery "
                    + "sidecar and manifest-publish protocol (the reference's staged-write + commit rule)");

    // ---- engine invariants (engine notes §8.5) -----------------------------------------------

    /** The graph kernel: the model, the languages and the engine, as opposed to serving and access control. */
    static final String[] KERNEL = {"dev.omnigraph.domain.graph..", "dev.omnigraph.domain.query..",
            "dev.omnigraph.domain.schema..", "dev.omnigraph.application.engine..", "dev.omnigraph.application.query.."};

    static final ArchRule KERNEL_KNOWS_NO_TRANSPORT_OR_AUTHENTICATION = noClasses()
            .that().resideInAnyPackage(KERNEL)
            .should().dependOnClassesThat().resideInAnyPackage("dev.omnigraph.domain.access..",
                    "dev.omnigraph.application.access..", "dev.omnigraph.application.serving..",
                    "dev.omnigraph.domain.serving..", "dev.omnigraph.adapters..", "io.micronaut..", "io.grpc..",
                    "jakarta.inject..")
            .because("invariant 11: transport and authentication stay at the boundary; the engine knows graphs, "
                    + "commits and actors, never HTTP, gRPC, OpenAPI or bearer tokens");

    static final ArchRule NO_REFLECTIVE_ACCESS_TO_PRIVATE_APIS = noClasses()
            .should().callMethodWhere(describe("pries a member open (setAccessible, trySetAccessible)",
                    (JavaAccess<?> call) -> (call.getName().equals("setAccessible")
                            || call.getName().equals("trySetAccessible"))
                            && call.getTargetOwner().isAssignableTo(java.lang.reflect.AccessibleObject.class)))
            .because("invariant 1: respect the substrate; Lance and the JDK are used through their public API only, "
                    + "never by prying private members open");

    // ---- cycles ------------------------------------------------------------------------------

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("dev.omnigraph.(**)")
            .should().beFreeOfCycles()
            .because("cycles make packages impossible to understand, test or move on their own");

    // ---- coding rules ------------------------------------------------------------------------

    static final ArchRule NO_STANDARD_STREAMS_OUTSIDE_ENTRY_POINTS = noClasses()
            .that(describe("are not process entry points (bootstrap *Main)", (JavaClass c) ->
                    !(c.getPackageName().startsWith("dev.omnigraph.bootstrap") && c.getSimpleName().endsWith("Main"))))
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("output goes through loggers or the streams a command is given, so it can be tested and redirected");

    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("errors are a typed hierarchy carrying the reference's stable diagnostic codes");

    /** Stricter than ArchUnit's stock rule, which only catches assignments to JUL-typed fields. */
    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("logging goes through SLF4J so the deployment chooses the backend");

    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("constructor injection makes dependencies explicit and objects complete after construction");

    static final ArchRule LOGGERS_ARE_PRIVATE_STATIC_FINAL = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields()
            .that().haveRawType(Logger.class)
            .should().bePrivate().andShould().beStatic().andShould().beFinal()
            .allowEmptyShould(true)
            .because("one logger per class, named after it, never passed around or replaced");

    // ---- naming ------------------------------------------------------------------------------

    static final ArchRule USE_CASES_ARE_NAMED_AS_USE_CASES = classes()
            .that().resideInAPackage("dev.omnigraph.ports.in..").and().areTopLevelClasses()
            .and().doNotHaveSimpleName("package-info")
            .should(ArchCondition.from(describe("be a *UseCase interface, a *Command/*Query/*Result record or a sealed *Result",
                    (JavaClass c) -> (c.isInterface() && c.getSimpleName().endsWith("UseCase"))
                            || (c.isRecord() && endsWithAny(c.getSimpleName(), "Command", "Query", "Result"))
                            || (c.isInterface() && c.getSimpleName().endsWith("Result")))))
            .allowEmptyShould(true)
            .because("driving ports read as the application's menu: <Verb><Noun>UseCase taking a <Verb><Noun>Command");

    static final ArchRule DRIVEN_PORTS_ARE_CAPABILITY_NOUNS = noClasses()
            .that().resideInAPackage("dev.omnigraph.ports.out..").and().areInterfaces()
            .should().haveSimpleNameEndingWith("Port")
            .allowEmptyShould(true)
            .because("driven ports are named for the capability they offer (ObjectStore, TableStorage), not the pattern");

    static final ArchRule ADAPTERS_ARE_NAMED_TECH_PLUS_PORT_AND_HIDDEN = classes()
            .that().resideInAPackage("dev.omnigraph.adapters..")
            .should(beNamedAfterTheirPortAndBePackagePrivate())
            .allowEmptyShould(true)
            .because("an adapter is reached only through its port (<Tech><Port>, package-private behind a factory)");

    static final ArchRule APPLICATION_SERVICES_ARE_NAMED_SERVICES = classes()
            .that().resideInAPackage(APPLICATION)
            .and(describe("implement a use case", (JavaClass c) ->
                    c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("UseCase"))))
            .should().haveSimpleNameEndingWith("Service")
            .allowEmptyShould(true)
            .because("the class that implements a use case is its application service");

    static final ArchRule EVERY_PACKAGE_STATES_ITS_ROLE = classes()
            .that().resideInAPackage("dev.omnigraph..")
            .should(ArchCondition.from(describe("reside in a package with a package-info", (JavaClass c) ->
                    c.getPackage().tryGetPackageInfo().isPresent())))
            .because("each package's package-info.java states its role and allowed dependencies");

    // ---- vocabulary --------------------------------------------------------------------------

    private static final Pattern STORAGE_VOCABULARY = Pattern.compile(".*(dataset|fragment|table).*");

    static final ArchRule PUBLIC_API_SPEAKS_GRAPH_VOCABULARY = classes()
            .that().resideInAnyPackage(HTTP, GRPC).and().arePublic()
            .should(notExposeStorageVocabulary())
            .allowEmptyShould(true)
            .because("clients see graphs, nodes, edges, branches and commits; datasets, fragments and tables are "
                    + "storage details that may change");

    // ---- helpers -----------------------------------------------------------------------------

    private static boolean isArrayOrPrimitive(JavaClass target) {
        return target.isPrimitive() || target.isArray();
    }

    private static boolean startsWithAny(String value, String... prefixes) {
        for (String prefix : prefixes) {
            if (value.equals(prefix) || value.startsWith(prefix.endsWith(".") ? prefix : prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String value, String... suffixes) {
        for (String suffix : suffixes) {
            if (value.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClockOrRandomnessRead(JavaAccess<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return (owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
                || (owner.equals("java.lang.Math") && name.equals("random"))
                || (owner.equals("java.util.UUID") && name.equals("randomUUID"))
                || (owner.startsWith("java.time.") && name.equals("now"));
    }

    private static ArchCondition<JavaClass> beNamedAfterTheirPortAndBePackagePrivate() {
        return new ArchCondition<>("be named <Tech><Port> after the driven port they implement and be package-private") {
            @Override
            public void check(JavaClass adapter, ConditionEvents events) {
                for (JavaClass port : adapter.getAllRawInterfaces()) {
                    if (!port.getPackageName().startsWith("dev.omnigraph.ports.out")) {
                        continue;
                    }
                    if (!adapter.getSimpleName().endsWith(port.getSimpleName()) || adapter.getSimpleName().equals(port.getSimpleName())) {
                        events.add(SimpleConditionEvent.violated(adapter, adapter.getName() + " implements " + port.getSimpleName()
                                + " but is not named <Tech>" + port.getSimpleName()));
                    }
                    if (adapter.getModifiers().contains(JavaModifier.PUBLIC)) {
                        events.add(SimpleConditionEvent.violated(adapter, adapter.getName()
                                + " is public; adapters are package-private behind a factory"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notExposeStorageVocabulary() {
        return new ArchCondition<>("not expose storage vocabulary (dataset, fragment, table) in names") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                check(type, type.getSimpleName(), "type", events);
                for (JavaField field : type.getFields()) {
                    // what a client can reach: public and protected fields, and every record component; a
                    // package-private field (e.g. protoc's internal_static_*_fieldAccessorTable descriptor
                    // plumbing in the generated gRPC contract) is no part of the API
                    if (field.getModifiers().contains(JavaModifier.PUBLIC)
                            || field.getModifiers().contains(JavaModifier.PROTECTED) || type.isRecord()) {
                        check(type, field.getName(), "field", events);
                    }
                }
                for (JavaMethod method : type.getMethods()) {
                    if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
                        check(type, method.getName(), "method", events);
                    }
                }
            }

            private void check(JavaClass type, String name, String what, ConditionEvents events) {
                if (STORAGE_VOCABULARY.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes the " + what + " '" + name
                            + "' named in storage vocabulary"));
                }
            }
        };
    }
}
