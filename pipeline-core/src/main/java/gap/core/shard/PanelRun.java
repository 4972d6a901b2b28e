package gap.core.shard;

import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.cnv.CnvParameters;
import gap.core.cnv.PanelBuilder;
import gap.core.cnv.PanelOfNormals;
import gap.core.cnv.PanelTable;
import gap.core.cnv.SampleDepth;
import gap.core.cnv.SexChromosomes;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.model.Shard;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import htsjdk.samtools.SAMSequenceDictionary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code gap cnv-panel} for every driver: takes normals (pseudonymised, with their reads' indexes) and a shard plan,
 * counts their depth bins in one pass ({@link DepthRun}, the read filters of calling), takes each normal's sex from
 * the sheet or, when unknown, from its X and Y depth, and writes the {@link PanelOfNormals} to one Parquet file.
 * Logs pseudonyms only.
 */
public final class PanelRun {
    private static final Logger LOG = LogManager.getLogger(PanelRun.class);

    /** A checked request: reference, normals with their reads' indexes, shards, settings, the output file. */
    public record Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                          Map<Samples.Sample, Path> indexes, List<Shard> shards, CallingParameters params,
                          CnvParameters cnv, Path output) {}

    /**
     * What a driver parsed of a {@code gap cnv-panel} command line, before any check: the normals' reads ({@code -I}
     * files, or a sample sheet), {@code -L} values, {@code --set} overrides, the keystore's opener, the panel file.
     */
    public record Options(Path reference, List<Path> inputs, Path sampleSheet, List<String> intervals,
                          Map<String, String> settings, Supplier<LabKeys> keys, Path output) {}

    private PanelRun() {}

    /**
     * Checks a command line's options (settings, the output's name and folder, reference, keystore, reads against the
     * reference, intervals), each failure one line, and gives the request for {@code workers} workers.
     */
    public static Request prepare(Options o, int workers) {
        CallingParameters params = CallingParameters.load(o.settings());
        CnvParameters cnv = CnvParameters.load(o.settings());
        if (!o.output().getFileName().toString().endsWith(".parquet")) {
            throw new UserException("-O must name a .parquet file");
        }
        InputValidator.checkOutputDirectory(o.output().toAbsolutePath().getParent());
        SAMSequenceDictionary dictionary = InputValidator.checkReference(o.reference());
        Pseudonymiser pseudonymiser = new Pseudonymiser(o.keys().get().pseudonymisationKey());
        ReadInputs.Resolved resolved = ReadInputs.resolve(o.sampleSheet(), o.inputs(), o.reference(), dictionary,
                pseudonymiser, Redactor.process());
        List<Shard> shards = ShardPlanner.planFor(dictionary, Intervals.parse(o.intervals(), dictionary, Path::of),
                workers, 0);
        return new Request(o.reference(), dictionary, resolved.samples(), resolved.indexes(), shards, params, cnv,
                o.output());
    }

    public static void run(Request r, ShardExecutor executor) {
        List<Samples.Sample> normals = List.copyOf(r.indexes().keySet());
        ProgressMeter progress = new ProgressMeter(10, ShardPlanner.bases(r.shards()));
        progress.start();
        LOG.info("Counting depth of {} normal(s) in bins of {} bp: {} shards", normals.size(), r.cnv().binSize(),
                r.shards().size());
        List<SampleDepth> depth = DepthRun.run(r.reference(), normals.stream().map(Samples.Sample::reads).toList(),
                List.copyOf(r.indexes().values()), r.params().minMappingQuality(), r.cnv().binSize(), r.shards(),
                executor, progress);
        progress.stop();
        Ploidy ploidy = Ploidy.of(lengths(r.dictionary()), List.of());
        List<PanelOfNormals.Normal> panelNormals = new ArrayList<>();
        for (int s = 0; s < normals.size(); s++) {
            Samples.Sample n = normals.get(s);
            Sex sex = Sex.parse(n.sex());
            SexChromosomes.Karyotype k = SexChromosomes.fromDepth(depth.get(s), List.of(), ploidy);
            if (k != null && k.contradicts(sex)) {
                LOG.warn("Normal {}: the sample sheet says {}, its reads say {}: a sample swap or a sex-chromosome"
                        + " aneuploidy? Its X and Y are left out of the panel", n.id(), sex.word(), k.describe());
                sex = Sex.UNKNOWN;
            } else if (sex == Sex.UNKNOWN && k != null) {
                sex = k.sex();
                LOG.info("Normal {}: sex {} from its reads, {}", n.id(), sex.word(), k.describe());
            }
            panelNormals.add(new PanelOfNormals.Normal(n.id(), sex));
        }
        PanelOfNormals panel = new PanelBuilder(r.cnv(), ploidy).build(ReferenceDictionary.of(r.dictionary()),
                r.params().minMappingQuality(), panelNormals, depth);
        PanelTable.write(r.output(), panel);
        LOG.info(String.format(Locale.ROOT, "Wrote the panel of %d normal(s): %d usable bins of %d bp, typical bin"
                + " %.1f reads", normals.size(), panel.usableBins(), panel.binSize(), panel.typicalDepth()));
    }

    static Map<String, Long> lengths(SAMSequenceDictionary dictionary) {
        Map<String, Long> lengths = new LinkedHashMap<>();
        dictionary.getSequences().forEach(q -> lengths.put(q.getSequenceName(), (long) q.getSequenceLength()));
        return lengths;
    }
}
