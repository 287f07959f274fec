package org.bianmin.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The config module's architecture, checked on every build. */
@AnalyzeClasses(packages = "org.bianmin.config", importOptions = ImportOption.DoNotIncludeTests.class)
class ConfigArchitectureTest {

    @ArchTest
    static final ArchRule noProjectModules = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.bianmin.kiosk..", "org.bianmin.backend..", "org.bianmin.device..")
            .because("kiosk-app and the backend both read the configuration; it depends on none of them (DESIGN.md §2)");

    @ArchTest
    static final ArchRule noUiNoHttp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.net.http..", "io.javalin..")
            .because("reading a configuration is pure: it opens no window and no connection");

    @ArchTest
    static final ArchRule noConsole = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("problems travel in a ConfigException; the program that loaded the configuration decides how to show them");

    @ArchTest
    static final ArchRule noPrintStackTrace = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace")
            .because("a stack trace must never reach a citizen or a technician");

    @ArchTest
    static final ArchRule slf4jOnly = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("all logging goes through SLF4J so one Logback configuration governs it");
}
