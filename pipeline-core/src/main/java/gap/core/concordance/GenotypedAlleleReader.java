package gap.core.concordance;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.privacy.Pseudonymiser;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a VCF (plain or bgzipped; no index needed) and a sample, gives the {@link GenotypedAlleles} of that sample:
 * the ALT alleles its GT carries, split, normalised by {@link VariantNormalizer}, and kept when their POS lies in the
 * {@link ConfidentRegions}. On the calls side only records whose FILTER is PASS or "." count; the truth side keeps
 * every record (with {@link Side#ALL_CALLS} every call record, noting the alleles only filtered records carry). A
 * no-call or hom-ref GT counts nothing.
 *
 * <p>Errors name the file by its file name and never echo a sample name: sample names can be patient identifiers.
 */
public final class GenotypedAlleleReader {
    /** Which side a VCF plays; sets the FILTER rule and the wording of errors. */
    public enum Side {
        TRUTH("truth", "--truth-sample", false),
        CALLS("calls", "--calls-sample", true),
        /** The calls side counting filtered records too ({@code gap concordance --include-filtered}). */
        ALL_CALLS("calls", "--calls-sample", false);

        final String label;
        final String sampleOption;
        final boolean passOnly;

        Side(String label, String sampleOption, boolean passOnly) {
            this.label = label;
            this.sampleOption = sampleOption;
            this.passOnly = passOnly;
        }
    }

    // Diploid pipeline: more than two copies only arise when overlapping records repeat the same allele.
    private static final int MAX_COPIES = 2;

    private final ReferenceBases reference;
    private final VariantNormalizer normalizer;
    private final ConfidentRegions regions;

    public GenotypedAlleleReader(ReferenceBases reference, ConfidentRegions regions) {
        this.reference = reference;
        this.normalizer = new VariantNormalizer(reference);
        this.regions = regions;
    }

    /** Reads {@code vcf} for {@code sample}, or for its first sample when {@code sample} is null. */
    public GenotypedAlleles read(Path vcf, Side side, String sample) {
        InputValidator.requireFile(vcf, side.label + " VCF");
        String name = vcf.getFileName().toString();
        Map<AtomicAllele, Integer> copies = new HashMap<>();
        Set<AtomicAllele> passing = new HashSet<>();
        int records = 0;
        int filtered = 0;
        int symbolic = 0;
        int outside = 0;
        try (VCFFileReader reader = new VCFFileReader(vcf, false);
             CloseableIterator<VariantContext> it = reader.iterator()) {
            String sampleName = chooseSample(reader.getFileHeader(), name, side, sample);
            while (it.hasNext()) {
                VariantContext vc = it.next();
                records++;
                if (side.passOnly && vc.isFiltered()) {
                    filtered++;
                    continue;
                }
                boolean passes = !vc.isFiltered();
                Genotype gt = vc.getGenotype(sampleName);
                boolean checked = false;
                for (Allele alt : vc.getAlternateAlleles()) {
                    // a haploid genotype's one copy (a male's X, chrM) is as homozygous as a diploid's two
                    int n = gt.countAllele(alt) * (gt.getPloidy() == 1 ? 2 : 1);
                    if (n == 0) {
                        continue;
                    }
                    if (alt.isSymbolic() || Allele.SPAN_DEL_STRING.equals(alt.getDisplayString())) {
                        symbolic++;
                        continue;
                    }
                    if (!checked) {
                        checkAgainstReference(vc, name);
                        checked = true;
                    }
                    List<AtomicAllele> atoms = normalizer.normalize(
                            vc.getContig(), vc.getStart(), vc.getReference().getBaseString(), alt.getBaseString());
                    for (AtomicAllele atom : atoms) {
                        if (regions.contains(atom.contig(), atom.pos())) {
                            copies.merge(atom, n, (x, y) -> Math.min(MAX_COPIES, x + y));
                            if (passes) {
                                passing.add(atom);
                            }
                        } else {
                            outside++;
                        }
                    }
                }
            }
        } catch (TribbleException | SAMException e) {
            // htsjdk's messages can quote header lines, which hold sample names: keep them for --debug only.
            throw new UserException(side.label + " VCF " + name + " could not be read as VCF (" + e.getClass()
                    .getSimpleName() + " after " + records + " records): check it with 'bcftools view " + name
                    + "'", e);
        }
        Set<AtomicAllele> filteredOnly = new HashSet<>();
        if (side == Side.ALL_CALLS) {
            copies.keySet().stream().filter(a -> !passing.contains(a)).forEach(filteredOnly::add);
        }
        return new GenotypedAlleles(copies, records, filtered, symbolic, outside, filteredOnly);
    }

    private static String chooseSample(VCFHeader header, String name, Side side, String sample) {
        List<String> samples = header.getGenotypeSamples();
        if (samples.isEmpty()) {
            throw new UserException(side.label + " VCF " + name + " has no sample columns: concordance compares"
                    + " genotypes, give a VCF with a GT for the sample");
        }
        if (sample == null) {
            if (samples.size() == 1) {
                return samples.get(0);
            }
            // scoring the first of several silently scores the wrong person (a trio's father for its child)
            throw new UserException(name + " has " + samples.size() + " samples: choose one with "
                    + side.sampleOption + " (" + listable(samples, name) + ")");
        }
        if (!samples.contains(sample)) {
            throw new UserException("the sample named by " + side.sampleOption + " is not in " + name
                    + ": list the samples with 'bcftools query -l " + name + "'");
        }
        return sample;
    }

    /**
     * gap's pseudonyms by name; other names may be patient identifiers, so those are left to bcftools, which the
     * user runs on their own terminal.
     */
    private static String listable(List<String> samples, String name) {
        if (samples.stream().allMatch(Pseudonymiser::isPseudonym)) {
            return String.join(", ", samples);
        }
        return "list them with 'bcftools query -l " + name + "'";
    }

    private void checkAgainstReference(VariantContext vc, String name) {
        String locus = vc.getContig() + ":" + vc.getStart();
        if (!reference.hasContig(vc.getContig())) {
            throw new UserException("contig " + vc.getContig() + " of " + name + " is not in " + reference.fileName()
                    + ": use the reference the VCFs were made with (-R)");
        }
        if (!reference.matches(vc.getContig(), vc.getStart(), vc.getReference().getBaseString())) {
            throw new UserException("REF of the record at " + locus + " of " + name + " differs from "
                    + reference.fileName() + ": use the reference the VCFs were made with (-R)");
        }
    }
}
