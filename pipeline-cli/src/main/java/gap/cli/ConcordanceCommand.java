package gap.cli;

import gap.command.Commands;
import gap.core.UserException;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.Concordance;
import gap.core.concordance.ConcordanceReport;
import gap.core.concordance.ConcordanceTsv;
import gap.core.concordance.VariantClass;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
                + " (contig, POS, REF, ALT). Only ALT alleles in the sample's GT count; on the calls side only"
                + " records with FILTER PASS or '.' (every record with --include-filtered). An allele counts when its"
                + " POS lies in a --confident region."
        })
public final class ConcordanceCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(ConcordanceCommand.class);

    @Option(names = "--truth", required = true, paramLabel = "VCF",
            description = "Truth VCF (.vcf or .vcf.gz; no index needed).")
    Path truth;

    @Option(names = "--calls", required = true, paramLabel = "VCF",
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
            description = "Sample of the truth VCF to use. Default: its first sample.")
    String truthSample;

    @Option(names = "--calls-sample", paramLabel = "NAME",
            description = "Sample of the call VCF to use. Default: its first sample.")
    String callsSample;

    @Option(names = "--classes", paramLabel = "TSV",
            description = "Truth events by class (chrom start end class event …, 1-based, as the dev set's"
                    + " hard1.classes.tsv): adds recall per class and false calls inside events.")
    Path classes;

    @Option(names = "--include-filtered",
            description = "Count every call record whatever its FILTER (all calls), not only PASS or '.'; to set the"
                    + " PASS calls of a scored VCF against all of its calls.")
    boolean includeFiltered;

    @Option(names = {"-O", "--output"}, paramLabel = "TSV",
            description = "Report file, written under a temporary name and renamed when complete."
                    + " Default: standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Concordance.Result result = Concordance.run(new Concordance.Inputs(truth, calls, reference, confident,
                truthSample, callsSample, includeFiltered), classes);
        ConcordanceReport report = result.report();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            write(result, out);
            out.flush();
        } else {
            writeAtomically(result, output);
        }
        for (VariantClass c : VariantClass.values()) {
            ClassCounts k = report.of(c);
            LOG.info("{}: TP {} FP {} FN {}, precision {} recall {} F1 {}, genotype concordance {}", c, k.tp(),
                    k.fp(), k.fn(), ConcordanceTsv.ratio(k.precision()), ConcordanceTsv.ratio(k.recall()),
                    ConcordanceTsv.ratio(k.f1()), ConcordanceTsv.ratio(k.genotypeConcordance()));
        }
        if (report.truthSkipped() + report.callsSkipped() + report.callsFiltered() > 0) {
            LOG.info("left out: {} truth and {} call symbolic or * alleles, {} filtered call records",
                    report.truthSkipped(), report.callsSkipped(), report.callsFiltered());
        }
        return Commands.EXIT_OK;
    }

    /** Writes next to {@code target} under a temporary name, then renames, so no half-written report remains. */
    private static void write(Concordance.Result result, Appendable out) throws IOException {
        ConcordanceTsv.write(result.report(), out);
        if (!result.events().isEmpty()) {
            ConcordanceTsv.writeEvents(result.events(), out);
        }
    }

    private static void writeAtomically(Concordance.Result result, Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            throw new UserException("the folder of output " + name + " does not exist: create it first");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(result, w);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UserException("could not write output " + name + " (" + e.getClass().getSimpleName()
                    + "): check that its folder is writable and has space", e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The write already failed; that error is the one to report.
        }
    }
}
