package gap.core.shard;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.TabixIndexCheck;
import gap.core.io.VariantsAgainstReference;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFSimpleHeaderLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes {@code gap joint}'s sample sheet (its {@code bam} column naming each sample's gVCF) or {@code -V} gVCFs, gives
 * the run's samples, pseudonymised, each with its checked gVCF's tabix index, in the sheet's or the command line's
 * order. A gVCF must be bgzipped with a {@code .tbi} and complete (its end-of-file marker), declare the {@code <NON_REF>}
 * allele, hold one sample (no two gVCFs the same), have its own index ({@link TabixIndexCheck}), and be of the run's
 * reference (its contigs, and its first records' REF alleles).
 */
final class GvcfInputs {
    private GvcfInputs() {}

    static ReadInputs.Resolved resolve(Path sheet, List<Path> inputs, Path reference,
                                       SAMSequenceDictionary dictionary, Pseudonymiser pseudonymiser,
                                       Redactor redactor) {
        Map<Samples.Sample, Path> indexes = new LinkedHashMap<>();
        if (sheet != null) {
            Samples samples = Samples.fromSheet(sheet, pseudonymiser, redactor);
            int n = 0;
            for (Samples.Sample s : samples.samples()) {
                check(s.reads(), "gVCF of sample sheet row " + ++n, reference, dictionary);
                indexes.put(s, index(s.reads()));
            }
            return new ReadInputs.Resolved(samples, indexes);
        }
        Map<Path, List<String>> names = new LinkedHashMap<>();
        Map<String, Integer> bySample = new LinkedHashMap<>();
        int n = 0;
        for (Path gvcf : inputs) {
            String sample = check(gvcf, "-V #" + ++n, reference, dictionary);
            if (names.put(gvcf.toAbsolutePath().normalize(), List.of(sample)) != null) {
                throw new UserException("-V #" + n + " is an earlier -V file again: give each gVCF once");
            }
            Integer earlier = bySample.putIfAbsent(sample, n);
            if (earlier != null) {
                throw new UserException("-V #" + n + " holds the same sample as -V #" + earlier + ": give each"
                        + " sample's gVCF once");
            }
        }
        Samples samples = Samples.fromReads(names, pseudonymiser, redactor);
        int i = 0;
        for (Path gvcf : names.keySet()) {
            indexes.put(samples.samples().get(i++), index(gvcf));
        }
        return new ReadInputs.Resolved(samples, indexes);
    }

    /**
     * A gVCF cut short reads fine up to the break: its BGZF end-of-file marker is looked for before any work
     * ({@link InputValidator#hasBgzfEnd}), the error naming the {@code -V} by number as this class's others do.
     */
    private static void checkComplete(Path gvcf, String what) {
        try {
            if (!InputValidator.hasBgzfEnd(gvcf)) {
                throw new UserException(what + " has no BGZF end-of-file marker: the file is truncated or still being"
                        + " written; copy or re-create it");
            }
        } catch (java.io.IOException e) {
            throw new UserException(what + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Path index(Path gvcf) {
        return gvcf.resolveSibling(gvcf.getFileName() + ".tbi");
    }

    /** Checks one gVCF ({@code what} names it without its path), gives its sample's column name. */
    private static String check(Path gvcf, String what, Path reference, SAMSequenceDictionary dictionary) {
        if (!Files.isRegularFile(gvcf)) {
            throw new UserException(what + " does not exist: check that path");
        }
        if (!gvcf.getFileName().toString().endsWith(".gz") || !Files.isRegularFile(index(gvcf))) {
            throw new UserException(what + " must be bgzipped with its tabix index beside it (.gz and .gz.tbi):"
                    + " gap call --gvcf writes both");
        }
        checkComplete(gvcf, what);
        VCFHeader header;
        try (VCFFileReader reader = new VCFFileReader(gvcf, index(gvcf), true)) {
            header = reader.getFileHeader();
        } catch (RuntimeException e) {
            throw new UserException(what + " is not a readable VCF (" + e.getClass().getSimpleName() + ")", e);
        }
        // a plain VCF holds no reference confidence: its samples would read as hom-ref, unseen, wherever it is silent
        boolean nonRef = header.getMetaDataInInputOrder().stream()
                .anyMatch(l -> l instanceof VCFSimpleHeaderLine alt && l.getKey().equals("ALT")
                        && alt.getID().equals("NON_REF"));
        if (!nonRef) {
            throw new UserException(what + " is not a gVCF (its header declares no <NON_REF> allele): give the"
                    + " gVCF that gap call --gvcf writes");
        }
        if (header.getNGenotypeSamples() != 1) {
            throw new UserException(what + " holds " + header.getNGenotypeSamples() + " samples: give one gVCF per"
                    + " sample");
        }
        if (header.getSequenceDictionary() != null) {
            for (var contig : header.getSequenceDictionary().getSequences()) {
                var ours = dictionary.getSequence(contig.getSequenceName());
                if (ours == null || ours.getSequenceLength() != contig.getSequenceLength()) {
                    throw new UserException(what + " was called against another reference (contig "
                            + contig.getSequenceName() + "): give the gVCFs' reference with -R");
                }
            }
        }
        TabixIndexCheck.check(gvcf, index(gvcf), dictionary, what);
        VariantsAgainstReference.check(gvcf, reference, what);
        return header.getGenotypeSamples().get(0);
    }
}
