package gap.cli;

import gap.core.calling.CallingParameters;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceSource;
import gap.core.io.VcfSink;
import gap.core.model.Shard;
import gap.core.shard.CallingPipeline;
import gap.core.shard.Intervals;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.ProgressMeter;
import gap.core.shard.ShardPlanner;
import htsjdk.samtools.SAMSequenceDictionary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gap call}: calls germline SNVs and indels in one sample's aligned reads.
 *
 * <pre>
 * gap call -R ref.fa -I sample.bam -O out/
 * gap call -R ref.fa -I sample.cram -O out/ -L chr22:20000001-21000000 --threads 8
 * </pre>
 *
 * Writes {@code out/<reads file name>.vcf.gz} and its {@code .tbi}, under temporary names until complete.
 */
@Command(name = "call",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Call germline SNVs and indels in one sample's aligned reads (BAM or CRAM).",
                "Writes OUTPUT/<reads file name>.vcf.gz with its tabix index."})
public final class CallCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(CallCommand.class);
    /** Until sample sheets and pseudonyms exist, the VCF sample column holds this, never the BAM's SM. */
    static final String SAMPLE_PLACEHOLDER = "SAMPLE";

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @Option(names = {"-I", "--input"}, required = true, paramLabel = "BAM/CRAM",
            description = "Aligned reads, coordinate-sorted and indexed.")
    Path input;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Restrict calling to these regions (chr, chr:start-end, or a .bed/.interval_list/.list file);"
                    + " repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "BP", description = "Bases per shard, the unit of parallel work.")
    int shardSize = ShardPlanner.DEFAULT_SHARD_SIZE;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties; repeatable.")
    Map<String, String> settings = Map.of();

    @Override
    public Integer call() {
        if (threads < 1 || shardSize < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads and --shard-size must be positive");
        }
        CallingParameters params = CallingParameters.load(settings);
        InputValidator.requireFile(reference, "reference");
        InputValidator.requireFile(input, "reads file");
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        Path index = InputValidator.checkReads(input, reference, dictionary);
        List<Shard> shards = ShardPlanner.plan(dictionary, Intervals.parse(intervals, dictionary), shardSize,
                params.shardPadding());
        InputValidator.checkOutputDirectory(output);

        Path vcf = output.resolve(baseName(input) + ".vcf.gz");
        LOG.info("Calling {} against {}: {} shards of at most {} bp on {} threads", input.getFileName(),
                reference.getFileName(), shards.size(), shardSize, threads);
        CallingPipeline.Inputs inputs = new CallingPipeline.Inputs(reference, input, index);
        try (VcfSink sink = new VcfSink(vcf, dictionary, SAMPLE_PLACEHOLDER, ReferenceSource.md5(reference),
                params.lowQual())) {
            CallingPipeline.Summary summary = CallingPipeline.run(inputs, params, shards,
                    new LocalShardExecutor(threads), sink, new ProgressMeter(10));
            sink.commit();
            LOG.info("Wrote {} calls to {}", summary.calls(), vcf.getFileName());
        }
        return Main.EXIT_OK;
    }

    /** The reads file's name without its extension: the name of this sample's outputs. */
    static String baseName(Path reads) {
        return reads.getFileName().toString().replaceFirst("\\.(bam|cram|sam)$", "");
    }
}
