package org.bianmin.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The backend's place in the house: it meets the kiosk only over HTTP, and its store knows nothing of HTTP. */
@AnalyzeClasses(packages = "org.bianmin.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noKioskOrDeviceCode = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.bianmin.device..", "org.bianmin.kiosk..")
            .because("the backend and the kiosk meet only over HTTP (DESIGN.md §2)");

    @ArchTest
    static final ArchRule storeKnowsNoHttp = noClasses().that().resideInAPackage("org.bianmin.backend.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.bianmin.backend.http..")
            .because("the store is used by the HTTP layer, the CLI and later the fleet service alike");

    @ArchTest
    static final ArchRule noSystemOutOutsideTheCli = noClasses().that().doNotHaveSimpleName("BackendMain")
            .and().doNotHaveSimpleName("AdminCli")
            .should().accessField(System.class, "out")
            .because("the server logs through SLF4J; only the command-line entry points print");
}
