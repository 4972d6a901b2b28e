package gap.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The drivers' side of docs/ARCHITECTURE.md: the Spark driver and the command-line side both drivers share never
 * reach into the CLI (core's own rules are gap.core.ArchitectureTest's).
 */
class DriversArchitectureTest {
    private static final JavaClasses DRIVERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("gap.spark", "gap.command");

    @Test
    void theSparkDriverUsesCoreAndTheSharedCommandLineNotTheCli() {
        noClasses().that().resideInAPackage("gap.spark..").should().dependOnClassesThat()
                .resideInAPackage("gap.cli..")
                .because("what both drivers need lives in core or gap.command")
                .check(DRIVERS);
    }

    @Test
    void theSharedCommandLineKnowsNoDriver() {
        noClasses().that().resideInAPackage("gap.command..").should().dependOnClassesThat()
                .resideInAnyPackage("gap.cli..", "gap.spark..", "org.apache.spark..")
                .because("gap.command is shared by the drivers, below both")
                .check(DRIVERS);
    }
}
