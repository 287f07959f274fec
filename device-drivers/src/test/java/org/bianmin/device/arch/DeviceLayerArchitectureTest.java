package org.bianmin.device.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The device layer's architecture, checked on every build. */
@AnalyzeClasses(packages = "org.bianmin.device", importOptions = ImportOption.DoNotIncludeTests.class)
class DeviceLayerArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the device layer runs on kiosks, technicians' laptops and CI alike; only kiosk-app may know JavaFX "
                    + "(DESIGN.md §2), and device callbacks reach the UI through one adapter in kiosk-app");

    @ArchTest
    static final ArchRule noHttp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..", "io.javalin..",
                    "org.eclipse.jetty..", "okhttp3..", "org.apache.hc..", "org.apache.http..")
            .because("the device layer knows nothing of the backend; kiosk-app talks HTTP, drivers talk bytes (DESIGN.md §2)");

    @ArchTest
    static final ArchRule noProjectModules = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.bianmin.kiosk..", "org.bianmin.backend..", "org.bianmin.config..")
            .because("device-drivers depends on nothing of ours (DESIGN.md §2)");

    @ArchTest
    static final ArchRule consoleOnlyInCli = noClasses()
            .that().resideOutsideOfPackage("org.bianmin.device.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("drivers and simulators log through SLF4J; only the command-line entry points write to the terminal");

    @ArchTest
    static final ArchRule noPrintStackTrace = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace")
            .because("a stack trace must never reach a citizen or a technician; log it, and print one line that says what to do");

    @ArchTest
    static final ArchRule slf4jOnly = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("all logging goes through SLF4J so one Logback configuration governs it");

    @ArchTest
    static final ArchRule driversDoNotUseSimulators = noClasses()
            .that().resideOutsideOfPackages("..sim..", "org.bianmin.device.cli..")
            .should().dependOnClassesThat().resideInAPackage("..sim..")
            .because("a driver must work the same against a real device; simulators are chosen by configuration, "
                    + "never reached from driver code");
}
