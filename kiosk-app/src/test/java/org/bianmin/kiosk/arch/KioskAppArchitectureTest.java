package org.bianmin.kiosk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;
import org.bianmin.kiosk.ui.FxVisitAdapter;

/** The kiosk shell's architecture, checked on every build. */
@AnalyzeClasses(packages = "org.bianmin.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class KioskAppArchitectureTest {

    @ArchTest
    static final ArchRule javaFxOnlyInTheUi = noClasses()
            .that().resideOutsideOfPackage("org.bianmin.kiosk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "com.sun.glass..")
            .because("the visit, the backend client, documents and printing run and are tested without a screen; only the "
                    + "screens know JavaFX (DESIGN.md §4)");

    @ArchTest
    static final ArchRule oneHopToTheFxThread = noClasses()
            .that().resideInAPackage("org.bianmin.kiosk.ui..")
            .and().doNotHaveFullyQualifiedName(FxVisitAdapter.class.getName())
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("device and machine threads reach the screens through one adapter that renders the newest view only "
                    + "(STYLE.md practice 7)");
}
