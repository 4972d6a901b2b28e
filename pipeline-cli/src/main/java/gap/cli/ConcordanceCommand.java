package gap.cli;

import gap.command.Commands;
import gap.command.RedactedPaths;
import gap.core.UserException;
import gap.core.concordance.AlleleMatching;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.Concordance;
import gap.core.concordance.ConcordanceReport;
import gap.core.concordance.ConcordanceTsv;
import gap.core.concordance.VariantClass;
import gap.core.io.TextFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gap concordance}: takes a truth VCF and a call VCF, gives the accuracy TSV of {@link Concordance}. */
@Command(name = "concordance",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Scores a call set against a truth set: TP, FP, FN, precision, recall, F1 and genotype concordance,"
                + " for SNVs and indels separately.",
            "Both sides are normalised the same way: one ALT per allele, MNPs and complex alleles decomposed into"
                + " SNVs and indels, indels left-aligned and trimmed against the reference. Alleles match on exact"
                + " (contig, POS, REF, ALT); those left over that lie within " + AlleleMatching.CLUSTER_GAP
                + " bp of each other (an indel with all"
                + " its equivalent placements) match when both sides spell the same haplotypes there, phase unknown,"
                + " as vcfeval and hap.py compare: so a complex event written as one record on one side and as"
                + " separate records, or split another way, on the other still matches. Counts stay per"
                + " decomposed allele (TP = truth alleles matched). Only ALT alleles in the sample's GT count; on"
                + " the calls side only records with FILTER PASS or '.' (every record with --include-filtered). An"
                + " allele counts when its POS lies in a --confident region."
        })
public final class ConcordanceCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(ConcordanceCommand.class);

    @Option(names = "--truth", required = true, paramLabel = "VCF",
            description = "Truth VCF (.vcf or .vcf.gz; no index needed).")
    Path truth;

    @Option(names = "--calls", required = true, paramLabel = "VCF", converter = RedactedPaths.Calls.class,
            description = "Call VCF to score (.vcf or .vcf.gz; no index needed).")
    Path calls;

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA the VCFs were made with, indexed by samtools faidx.")
    Path reference;

    @Option(names = "--confident", paramLabel = "BED",
            description = "Confident regions (BED, 0-based half-open). An allele counts when its POS lies in a"
                    + " region, as with bcftools -T. Default: the whole genome.")
    Path confident;

    @Option(names = "--truth-sample", paramLabel = "NAME",
            description = "Sample of the truth VCF to use; required when it has several.")
    String truthSample;

    @Option(names = "--calls-sample", paramLabel = "NAME",
            description = "Sample of the call VCF to use; required when it has several.")
    String callsSample;

    @Option(names = "--classes", paramLabel = "TSV",
            description = "Truth events by class (chrom start end class event …, 1-based, as the dev set's"
                    + " hard1.classes.tsv): adds recall per class and false calls inside events.")
    Path classes;

    @Option(names = "--artefacts", paramLabel = "TSV",
            description = "Artefact sites (chrom pos kind …, 1-based, as hard2.artefacts.tsv): adds, per kind, the"
                    + " false call alleles at those positions, all and PASS.")
    Path artefacts;

    @Option(names = "--novel", paramLabel = "TSV",
            description = "Truth alleles to follow apart, e.g. those absent from dbSNP (chrom pos ref alt …):"
                    + " adds how many the calls match, and how many only through filtered records.")
    Path novel;

    @Option(names = "--include-filtered",
            description = "Count every call record whatever its FILTER (all calls), not only PASS or '.'; to set the"
                    + " PASS calls of a scored VCF against all of its calls.")
    boolean includeFiltered;

    @Option(names = {"-O", "--output"}, paramLabel = "TSV",
            description = "Report file, written under a temporary name and renamed when complete."
                    + " Default: standard output.")
    Path output;

    @Option(names = "--fp-out", paramLabel = "VCF",
            description = "Writes the false call alleles, normalised as compared, one a record (FILTER FILTERED when"
                    + " only filtered records carry one); bgzipped when named .gz.")
    Path fpOut;

    @Option(names = "--fn-out", paramLabel = "VCF",
            description = "Writes the missed truth alleles, normalised as compared, one a record; bgzipped when"
                    + " named .gz.")
    Path fnOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--fp-out", fpOut);
        outputs.put("--fn-out", fnOut);
        outputs.put("-O/--output", output);
        outputs.forEach(ConcordanceCommand::checkFolder);
        Concordance.Result result = Concordance.run(new Concordance.Inputs(truth, calls, reference, confident,
                truthSample, callsSample, includeFiltered), new Concordance.Tables(classes, artefacts, novel));
        StringBuilder report = new StringBuilder();
        ConcordanceTsv.write(result, report);
        if (fpOut != null) {
            write("--fp-out", fpOut, result.falsePositivesVcf());
        }
        if (fnOut != null) {
            write("--fn-out", fnOut, result.falseNegativesVcf());
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
        } else {
            write("-O/--output", output, report.toString());
        }
        log(result.report());
        return Commands.EXIT_OK;
    }

    private static void log(ConcordanceReport report) {
        for (VariantClass c : VariantClass.values()) {
            ClassCounts k = report.of(c);
            LOG.info("{}: TP {} FP {} FN {}, precision {} recall {} F1 {}, genotype concordance {}", c, k.tp(),
                    k.fp(), k.fn(), ConcordanceTsv.ratio(k.precision()), ConcordanceTsv.ratio(k.recall()),
                    ConcordanceTsv.ratio(k.f1()), ConcordanceTsv.ratio(k.genotypeConcordance()));
        }
        LOG.info("haplotype matching: {} clusters of left-over alleles, {} matched by sequence, {} too large",
                report.clusters().compared(), report.clusters().matched(), report.clusters().tooLarge());
        if (report.truthSkipped() + report.callsSkipped() + report.callsFiltered() > 0) {
            LOG.info("left out: {} truth and {} call symbolic or * alleles, {} filtered call records",
                    report.truthSkipped(), report.callsSkipped(), report.callsFiltered());
        }
    }

    /** Fails before any work when an output's folder is missing; names the option, never the path. */
    private static void checkFolder(String option, Path target) {
        if (target != null && !Files.isDirectory(target.toAbsolutePath().getParent())) {
            throw new UserException("the folder of " + option + " does not exist: create it first");
        }
    }

    /** Writes under a temporary name, then renames, so no half-written file remains. */
    private static void write(String option, Path target, String text) {
        try {
            TextFiles.writeAtomicallyBgzfByName(target.toAbsolutePath(), text);
        } catch (IOException e) {
            throw new UserException("could not write " + option + " (" + e.getClass().getSimpleName()
                    + "): check that its folder is writable and has space", e);
        }
    }
}
