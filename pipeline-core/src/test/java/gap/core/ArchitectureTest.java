package gap.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md, checked over core's compiled classes: each room of {@code gap.core} uses only
 * rooms of its own layer or the layers below, no two rooms depend on each other in a cycle, and core never reaches a
 * driver (picocli, Spark, the CLI). A room not named here is a stage, beside calling and assembly: a new analysis
 * (copy number, somatic calling) needs no change to this test until it must sit elsewhere.
 */
class ArchitectureTest {
    /** Values and vocabulary every room shares; the classes of {@code gap.core} itself belong here too. */
    static final List<String> BASE = List.of("model", "vcf", "privacy");
    /** Reading and writing files: BAM/CRAM, FASTA, VCF, Parquet. */
    static final List<String> IO = List.of("io");
    /** What works on finished calls, of any stage: scoring, QC, family checks, population summaries. */
    static final List<String> OVER_CALLS = List.of("scoring", "qc", "cohort", "federation");
    /** The orchestration every driver runs. */
    static final List<String> ORCHESTRATION = List.of("shard");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gap.core");
    }

    /** The room of a class: the package right below {@code gap.core}, "" for {@code gap.core} itself. */
    static String room(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals("gap.core")) {
            return "";
        }
        if (!p.startsWith("gap.core.")) {
            return null;
        }
        String rest = p.substring("gap.core.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DescribedPredicate<JavaClass> rooms(String description, List<String> names) {
        return DescribedPredicate.describe(description + " " + names, c -> room(c) != null && names.contains(room(c)));
    }

    private static final DescribedPredicate<JavaClass> BASE_LAYER = DescribedPredicate.describe(
            "gap.core and its rooms " + BASE, c -> room(c) != null && (room(c).isEmpty() || BASE.contains(room(c))));
    private static final DescribedPredicate<JavaClass> STAGES = DescribedPredicate.describe(
            "every other room of gap.core (calling, assembly, concordance, ...)", c -> {
                String room = room(c);
                return room != null && !room.isEmpty() && !BASE.contains(room) && !IO.contains(room)
                        && !OVER_CALLS.contains(room) && !ORCHESTRATION.contains(room);
            });

    @Test
    void roomsUseOnlyTheirLayerAndTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy(BASE_LAYER)
                .layer("IO").definedBy(rooms("the rooms", IO))
                .layer("Stages").definedBy(STAGES)
                .layer("OverCalls").definedBy(rooms("the rooms", OVER_CALLS))
                .layer("Orchestration").definedBy(rooms("the rooms", ORCHESTRATION))
                .whereLayer("Base").mayNotAccessAnyLayer()
                .whereLayer("IO").mayOnlyAccessLayers("Base")
                .whereLayer("Stages").mayOnlyAccessLayers("IO", "Base")
                .whereLayer("OverCalls").mayOnlyAccessLayers("Stages", "IO", "Base")
                .whereLayer("Orchestration").mayOnlyAccessLayers("OverCalls", "Stages", "IO", "Base")
                .because("docs/ARCHITECTURE.md: model <- io <- stages <- scoring/qc/cohort <- shard <- drivers")
                .check(core);
    }

    @Test
    void noTwoRoomsDependOnEachOther() {
        slices().matching("gap.core.(*)..").should().beFreeOfCycles()
                .because("a cycle makes its rooms one room: neither can change, or be understood, alone")
                .check(core);
    }

    @Test
    void theModelStandsAlone() {
        noClasses().that().resideInAPackage("gap.core.model..")
                .should().dependOnClassesThat(DescribedPredicate.describe("classes of gap.core outside the model, or"
                        + " of htsjdk", c -> room(c) != null && !room(c).equals("model")
                        || c.getPackageName().startsWith("htsjdk")))
                .because("the values every room shares depend on no room, and not on htsjdk: stages see reads and"
                        + " calls, not SAMRecords")
                .check(core);
    }

    @Test
    void coreNeverReachesADriver() {
        noClasses().that().resideInAPackage("gap.core..")
                .should().dependOnClassesThat().resideInAnyPackage("gap.cli..", "gap.spark..", "gap.command..",
                        "gap.bench..", "picocli..", "org.apache.spark..", "scala..")
                .because("core is plain Java every driver runs: options are parsed, and Spark started, by drivers")
                .check(core);
    }
}
