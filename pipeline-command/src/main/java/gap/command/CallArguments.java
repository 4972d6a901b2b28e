package gap.command;

import gap.core.shard.CallOptions;
import gap.core.shard.ShardPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code gap call} every driver takes (a {@code @Mixin}), given to core as {@link CallOptions}. What
 * runs the shards is the driver's: {@code --threads} for the CLI, the cluster's task slots on Spark.
 */
public final class CallArguments {
    /** The first paragraph of every driver's {@code call} help. */
    public static final String DESCRIPTION = "Call germline SNVs and indels in the samples' aligned reads"
            + " (BAM or CRAM), jointly when there are several.";
    /** The second: what it writes. */
    public static final String OUTPUTS = "Writes OUTPUT/<pseudonym>.vcf.gz (the sample's, or the family's or cohort's"
            + " for several samples) with its tabix index, OUTPUT/calls.parquet, OUTPUT/samples.parquet,"
            + " OUTPUT/denovo.tsv with a trio pedigree, and the QC files in OUTPUT/qc. Outputs and logs carry"
            + " pseudonyms only.";

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** Where the reads come from: reads files, or a sample sheet ({@code gap cnv-panel} takes its normals so too). */
    public static final class Inputs {
        @Option(names = {"-I", "--input"}, required = true, paramLabel = "BAM/CRAM",
                converter = RedactedPaths.Reads.class,
                description = "Aligned reads of one sample, coordinate-sorted and indexed; its @RG SM is the"
                        + " identifier pseudonymised. Repeatable: several samples are called jointly.")
        List<Path> inputs;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "Samples to call, one per line: patient_id mrn sample_alias family_id role sex bam"
                        + " (tab-separated, bam relative to the sheet).")
        Path sheet;

        /** The {@code -I} files; null with a sample sheet. */
        public List<Path> inputs() {
            return inputs;
        }

        /** The {@code --sample-sheet}; null with {@code -I}. */
        public Path sheet() {
            return sheet;
        }
    }

    @Option(names = "--pedigree", paramLabel = "PED", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Pedigree.class,
            description = "PLINK/PED pedigree of the samples, by sample_alias (or @RG SM with -I): its trios get"
                    + " FORMAT/DNQ, INFO/DENOVO, OUTPUT/denovo.tsv and Mendelian checks; every pair of samples is"
                    + " checked against it for swaps.")
    Path pedigree;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Restrict calling to these regions (chr, chr:start-end, or a .bed/.interval_list/.list file);"
                    + " repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--known-sites", paramLabel = "VCF", showDefaultValue = Visibility.NEVER,
            description = "Known variant sites (a dbSNP-like VCF, indexed or not). Its calls train the scorer, which"
                    + " writes VQSLOD and a tranche FILTER per class; they only choose training examples. Without it,"
                    + " gap's trained model (GAPSCORE; --set score.model=hard for GATK's hard filters).")
    Path knownSites;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--shard-size", paramLabel = "BP", showDefaultValue = Visibility.NEVER,
            description = "Bases per shard, the unit of parallel work. Default: " + ShardPlanner.DEFAULT_SHARD_SIZE
                    + ", or less (not below " + ShardPlanner.MIN_AUTO_SHARD_SIZE + ") on a small territory so that"
                    + " each worker (thread, or executor core) gets " + ShardPlanner.SHARDS_PER_WORKER + " shards.")
    Integer shardSize;

    @Option(names = "--population", paramLabel = "PARQUET", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Population.class,
            description = "A released population summary (gap aggregate merge, or gap aggregate) of the same reference:"
                    + " adds INFO/POP_AC, POP_AN, POP_AF and POP_SUPPRESSED to every call whose allele it holds.")
    Path population;

    @Option(names = "--cnv-panel", paramLabel = "PARQUET", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Panel.class,
            description = "A panel of normals (gap cnv-panel) of the same reference: adds copy-number changes"
                    + " (<DEL>/<DUP> records with CN, CNQ, MF), OUTPUT/cnv.tsv, OUTPUT/cnv.parquet and a copy-ratio"
                    + " and B-allele-fraction plot per sample to the QC, from the depth counted in the same pass over"
                    + " the reads.")
    Path cnvPanel;

    @Option(names = "--qc", negatable = true, defaultValue = "true", fallbackValue = "true",
            showDefaultValue = Visibility.NEVER,
            description = "Write the QC files to OUTPUT/qc: report.html, qc.json, gap_qc_mqc.tsv (MultiQC) and a"
                    + " bcftools-stats-compatible <sample>.stats.txt per sample. On by default; --no-qc skips them.")
    boolean qc = true;

    @Option(names = "--overwrite", showDefaultValue = Visibility.NEVER,
            description = "Replace a previous run's results in OUTPUT whole (without it, a folder holding results is"
                    + " refused); files no gap run wrote there are never removed.")
    boolean overwrite;

    @Option(names = "--gvcf", showDefaultValue = Visibility.NEVER,
            description = "Also write the sample's gVCF, OUTPUT/<pseudonym>.g.vcf.gz with its tabix index: every"
                    + " candidate site as a record with <NON_REF> and the raw sums gap joint annotates from, every other"
                    + " position in reference blocks banded by GQ (gvcf.gqBands). One sample only.")
    boolean gvcf;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties; repeatable.")
    Map<String, String> settings = Map.of();

    /** {@code --shard-size}, or null for the automatic size. */
    public Integer shardSize() {
        return shardSize;
    }

    /** The options as core takes them; {@code -L} files named by {@code paths}. */
    public CallOptions options(Function<String, Path> paths) {
        return CallOptions.of(reference, output, keystore::open)
                .withInputs(inputs.inputs)
                .withSampleSheet(inputs.sheet)
                .withPedigree(pedigree)
                .withIntervals(intervals)
                .withKnownSites(knownSites)
                .withPopulation(population)
                .withShardSize(shardSize)
                .withQc(qc)
                .withOverwrite(overwrite)
                .withGvcf(gvcf)
                .withSettings(settings)
                .withPaths(paths)
                .withCnvPanel(cnvPanel);
    }
}
