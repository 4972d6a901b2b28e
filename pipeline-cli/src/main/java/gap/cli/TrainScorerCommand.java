package gap.cli;

import gap.command.Commands;
import gap.command.RedactedPaths;
import gap.core.UserException;
import gap.core.scoring.ScorerTraining;
import gap.core.scoring.TrainingSet;
import gap.core.scoring.TreeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gap train-scorer}: trains the scorer's model (gradient-boosted trees over evidence features) on call VCFs of
 * {@code gap call} labelled by their truth VCFs, and writes the trees and their manifest.
 *
 * <pre>
 * gap train-scorer --sets training-sets.tsv -O model-dir
 * </pre>
 *
 * The sets table has one row per set, tab-separated, a header line first: {@code name reference calls truth
 * confident sample [group]} (sample: the calls VCF's 0-based column the truth describes; group: sets of one genome,
 * held out together, by default the set's own name; paths relative to the table's folder). The shipped model is made by {@code bench/scoring/train.sh}.
 */
@Command(name = "train-scorer",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Train gap's call-scoring model on labelled call sets; write the trees and a manifest with"
                + " leave-one-group-out metrics. Same inputs, same files."})
public final class TrainScorerCommand implements Callable<Integer> {
    @Option(names = "--sets", required = true, paramLabel = "TSV", converter = RedactedPaths.Resource.class,
            description = "Training sets: name, reference, calls, truth, confident, sample (see the usage).")
    Path sets;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR", converter = RedactedPaths.Output.class,
            description = "Folder to write gap-scorer.trees and gap-scorer.manifest.tsv into (must exist).")
    Path output;

    @Option(names = "--trees", description = "Boosting rounds.")
    int trees = TreeTrainer.Params.DEFAULT.trees();

    @Option(names = "--max-depth", description = "Depth of each tree.")
    int maxDepth = TreeTrainer.Params.DEFAULT.maxDepth();

    @Option(names = "--learning-rate", description = "Shrinkage of each tree's leaves.")
    double learningRate = TreeTrainer.Params.DEFAULT.learningRate();

    @Option(names = "--cutoff-rule", description = "How each class's cutoff is chosen on the out-of-fold scores (each"
            + " set scored by the model trained without its group): F1 (the highest mean per-set F1),"
            + " F1_NO_SET_WORSE (the same among cutoffs at which no set's F1 is below its F1 unfiltered), SENSITIVITY"
            + " (the share of true calls given below) or ODDS (GAPSCORE 3.01: P(false) = 1/2, fitted to no set).")
    ScorerTraining.Rule rule = ScorerTraining.Rule.F1;

    @Option(names = "--snv-sensitivity", description = "With --cutoff-rule SENSITIVITY: percent of out-of-fold true"
            + " SNVs the SNV cutoff keeps.")
    double snvSensitivity = 99.7;

    @Option(names = "--indel-sensitivity", description = "With --cutoff-rule SENSITIVITY: percent of out-of-fold true"
            + " indels the indel cutoff keeps.")
    double indelSensitivity = 99.5;

    @Option(names = "--max-cutoff", description = "Highest GAPSCORE cutoff (3.01: filter only calls more likely"
            + " false than true); none by default.")
    double maxCutoff = Double.POSITIVE_INFINITY;

    // 0 by default: the shipped models were chosen by the plain rule, and train.sh must remake their bytes
    @Option(names = "--min-gain", description = "With --cutoff-rule F1 or F1_NO_SET_WORSE: the least rise of the mean per-set F1 over no"
            + " cutoff that a class's cutoff must bring, else the class gets none (e.g. 0.005, about one call in 200;"
            + " bench/scoring/train.sh's 15-set candidate uses it).")
    double minGain = 0;

    @Option(names = "--withhold", split = ",", paramLabel = "FEATURE", description = "Features to train without"
            + " (read as missing), to measure what they add; none by default.")
    List<String> withhold = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(output)) {
            throw new UserException("the -O folder does not exist: create it first");
        }
        if (!Files.isRegularFile(sets)) {
            throw new UserException("the --sets table does not exist");
        }
        Path base = sets.toAbsolutePath().getParent();
        List<TrainingSet.Inputs> inputs = new ArrayList<>();
        List<String> lines = Files.readAllLines(sets);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || lines.get(i).startsWith("#")) {
                continue;
            }
            String[] f = lines.get(i).split("\t");
            if (f.length != 6 && f.length != 7) {
                throw new UserException("--sets line " + (i + 1) + ": expected 6 or 7 tab-separated columns");
            }
            try {
                inputs.add(new TrainingSet.Inputs(f[0], base.resolve(f[1]), base.resolve(f[2]), base.resolve(f[3]),
                        base.resolve(f[4]), Integer.parseInt(f[5]), f.length == 7 ? f[6] : f[0]));
            } catch (NumberFormatException e) {
                throw new UserException("--sets line " + (i + 1) + ": the sample column is not a number");
            }
        }
        TreeTrainer.Params params = new TreeTrainer.Params(trees, maxDepth, learningRate,
                TreeTrainer.Params.DEFAULT.lambda(), TreeTrainer.Params.DEFAULT.minChildWeight());
        ScorerTraining.run(inputs, params,
                new ScorerTraining.Sensitivity(rule, snvSensitivity, indelSensitivity, maxCutoff, minGain), withhold,
                output);
        return Commands.EXIT_OK;
    }
}
