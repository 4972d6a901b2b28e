package gap.core.scoring;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.VcfCalls;
import gap.core.io.VcfSink;
import gap.core.vcf.InfoField;
import java.nio.file.Files;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a VCF that {@code gap call} wrote, known sites and settings, gives the same calls scored afresh in a new VCF
 * (written under a temporary name, then renamed with its index): the standalone form of the scoring that
 * {@code gap call --known-sites} runs, with the same result. The caller's LowQual is recomputed from QUAL, and any
 * earlier scoring's VQSLOD and FILTERs are replaced.
 */
public final class ScoringRun {
    private static final Logger LOG = LogManager.getLogger(ScoringRun.class);

    private ScoringRun() {}

    public static void run(Path calls, Path knownSites, Path output, ScoringParameters params) {
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserException("the folder of -O does not exist: create it first");
        }
        InputValidator.checkOutputDirectory(folder);
        VcfCalls.Contents in = VcfCalls.read(calls, "calls VCF");
        if (knownSites != null) {
            KnownSites.check(knownSites, in.dictionary());
        }
        LOG.info("Scoring {} calls, trained on the calls at the known sites of {}", in.calls().size(),
                knownSites == null ? "(none given)" : knownSites.getFileName());
        KnownSites.Marked marked = knownSites == null ? null : KnownSites.mark(knownSites, in.calls());
        // a VCF genotyped from gVCFs (or written before gap kept read evidence) has none: score it as gap joint does
        boolean readEvidence = in.calls().stream().anyMatch(c -> c.info().containsKey(InfoField.SCD.key()));
        VariantScorer.Result scored = new VariantScorer(readEvidence ? params : params.withoutReadEvidence()).score(marked == null ? in.calls() : marked.calls(),
                marked == null ? null : marked.known());
        List<VCFHeaderLine> headerLines = new ArrayList<>(scored.headerLines());
        if (marked != null) {
            headerLines.add(0, marked.headerLine()); // as gap call --known-sites writes it
        }
        try (VcfSink sink = new VcfSink(output, in.dictionary(), in.samples(), in.reference(), params.lowQual(),
                headerLines)) {
            scored.calls().forEach(sink::add);
            sink.commit();
        }
        LOG.info("Wrote {} scored calls", scored.calls().size());
    }
}
