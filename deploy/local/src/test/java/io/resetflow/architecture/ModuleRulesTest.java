package io.resetflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's module and package rules, on the compiled classes of every module: schemas imports
 * nothing of ours; pipeline-core no service; the notifier and the tracker never each other (they
 * meet on topics only); no package cycles inside pipeline-core, the notifier or the tracker; and the
 * production packages never reach for the test machinery.
 */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // Test jars (the tracker's browser harness) hold test classes too, outside test-classes/.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.resetflow");
    }

    @Test
    void schemasImportNothingOfOurs() {
        noClasses().that().resideInAnyPackage("io.resetflow.avro..", "io.resetflow.serde..", "io.resetflow.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("io.resetflow.core..", "io.resetflow.intake..",
                        "io.resetflow.breachfile..", "io.resetflow.isp..", "io.resetflow.notifier..",
                        "io.resetflow.tracker..", "io.resetflow.embedded..", "io.resetflow.local..",
                        "io.resetflow.bench..", "io.resetflow.cli..", "io.resetflow.synthetic..")
                .check(classes);
    }

    /** What the production artifact (module cli) carries never reaches for the test machinery. */
    @Test
    void productionCodeUsesNoTestMachinery() {
        noClasses().that().resideInAnyPackage("io.resetflow.avro..", "io.resetflow.serde..", "io.resetflow.registry..",
                        "io.resetflow.core..", "io.resetflow.intake..", "io.resetflow.breachfile..", "io.resetflow.isp..",
                        "io.resetflow.notifier..", "io.resetflow.tracker..", "io.resetflow.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.resetflow.embedded..", "io.resetflow.local..",
                        "io.resetflow.bench..", "io.resetflow.synthetic..", "com.icegreen..", "kafka.server..")
                .check(classes);
    }

    @Test
    void pipelineCoreImportsNoService() {
        noClasses().that().resideInAnyPackage("io.resetflow.core..", "io.resetflow.intake..",
                        "io.resetflow.breachfile..", "io.resetflow.isp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.resetflow.notifier..", "io.resetflow.tracker..",
                        "io.resetflow.local..", "io.resetflow.bench..", "io.resetflow.cli..", "io.resetflow.synthetic..")
                .check(classes);
    }

    @Test
    void theNotifierAndTheTrackerNeverImportEachOther() {
        noClasses().that().resideInAPackage("io.resetflow.notifier..")
                .should().dependOnClassesThat().resideInAPackage("io.resetflow.tracker..").check(classes);
        noClasses().that().resideInAPackage("io.resetflow.tracker..")
                .should().dependOnClassesThat().resideInAPackage("io.resetflow.notifier..").check(classes);
    }

    @Test
    void noPackageCyclesInsideTheTracker() {
        slices().matching("io.resetflow.tracker.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageCyclesInsidePipelineCore() {
        slices().matching("io.resetflow.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageCyclesInsideTheNotifier() {
        slices().matching("io.resetflow.notifier.(*)..").should().beFreeOfCycles().check(classes);
    }
}
