package dev.gatehouse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The dependency rules of DESIGN.md, checked on the production classes of every module (this module has all
 * of them on its classpath).
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PORTS = "dev.gatehouse.ports..";
    private static final String CORE = "dev.gatehouse.core..";
    private static final String IN_MEMORY = "dev.gatehouse.adapters.inmemory..";
    private static final String JDBC = "dev.gatehouse.adapters.jdbc..";
    private static final String SQL_PARSER = "dev.gatehouse.adapters.sqlparser..";
    private static final String HTTP = "dev.gatehouse.http..";
    private static final String LAUNCHER = "dev.gatehouse.launcher..";
    private static final String TESTKIT = "dev.gatehouse.testkit..";

    private static final String[] FRAMEWORKS = {
        "com.google.inject..", "org.jdbi..", "io.javalin..", "com.fasterxml.jackson..", "tools.jackson..",
        "org.slf4j..", "ch.qos.logback..", "org.eclipse.jetty..", "com.zaxxer..", "org.flywaydb..", "picocli..",
        "java.sql..", "javax.sql.."
    };

    @ArchTest
    static final ArchRule portsDependOnTheJdkOnly = classes()
            .that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PORTS, "java..")
            .because("ports is the domain vocabulary: the JDK only");

    @ArchTest
    static final ArchRule coreDependsOnPortsTheJdkBouncyCastleAndCaffeineOnly = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    CORE, PORTS, "java..", "javax.crypto..", "org.bouncycastle..", "com.github.benmanes.caffeine..")
            .because("core embeds in any JVM product without forcing a framework on it");

    @ArchTest
    static final ArchRule portsAndCoreNameNoFramework = noClasses()
            .that().resideInAnyPackage(PORTS, CORE)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("Guice, Jdbi, Javalin, Jackson, JDBC and SLF4J belong to adapters and the launcher");

    @ArchTest
    static final ArchRule portsAndCoreUseNoAdapter = noClasses()
            .that().resideInAnyPackage(PORTS, CORE)
            .should().dependOnClassesThat().resideInAnyPackage(IN_MEMORY, JDBC, SQL_PARSER, HTTP, LAUNCHER);

    @ArchTest
    static final ArchRule adaptersNeverUseCore = noClasses()
            .that().resideInAnyPackage(IN_MEMORY, JDBC, SQL_PARSER, HTTP)
            .should().dependOnClassesThat().resideInAPackage(CORE)
            .because("adapters plug into ports; only the launcher knows the core");

    @ArchTest
    static final ArchRule inMemoryUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(IN_MEMORY)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, SQL_PARSER, HTTP, LAUNCHER);

    @ArchTest
    static final ArchRule jdbcUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage(IN_MEMORY, SQL_PARSER, HTTP, LAUNCHER);

    @ArchTest
    static final ArchRule httpUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(IN_MEMORY, JDBC, SQL_PARSER, LAUNCHER);

    @ArchTest
    static final ArchRule sqlParserUsesNoOtherAdapter = noClasses()
            .that().resideInAPackage(SQL_PARSER)
            .should().dependOnClassesThat().resideInAnyPackage(IN_MEMORY, JDBC, HTTP, LAUNCHER);

    @ArchTest
    static final ArchRule httpTalksToInboundPortsNeverToStorage = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.ports.out..")
            .because("handlers call use cases; storage is the core's business");

    @ArchTest
    static final ArchRule guiceLivesInTheLauncherAlone = noClasses()
            .that().resideOutsideOfPackage(LAUNCHER)
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("an embedding product is never made to use Guice");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheLauncher = noClasses()
            .that().resideOutsideOfPackages(LAUNCHER, TESTKIT)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a library never prints; only the launcher talks to the terminal (and test support to test output)");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
