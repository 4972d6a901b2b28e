package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Takes a VCF of another step or source (known sites, a germline resource, a gVCF) and the run's reference, refuses the
 * VCF when the REF alleles of its first records disagree with the reference as another build's do. Contig names and
 * lengths say nothing when a file lists no contigs or both builds name theirs alike; a VCF of this reference differs
 * from it nowhere (REF is the reference's base by definition), one of another sequence at most records.
 */
public final class VariantsAgainstReference {
    /** Records read at most, and those on the reference's contigs needed before judging. */
    private static final int RECORDS = 1000;
    private static final int MIN_COMPARED = 20;
    /** Above this share of REF alleles differing from the reference, the file is another reference's. */
    private static final double FOREIGN_SHARE = 0.10;

    private VariantsAgainstReference() {}

    /** {@code what} names the file without its path, as the user knows it (e.g. "-V #2"). */
    public static void check(Path vcf, Path reference, String what) {
        long[] counts = new long[2];
        try (VCFFileReader reader = new VCFFileReader(vcf, false);
             ReferenceSource ref = new ReferenceSource(reference)) {
            Iterator<VariantContext> it = reader.iterator();
            for (int seen = 0; seen < RECORDS && it.hasNext(); seen++) {
                compare(it.next(), ref, counts);
            }
        } catch (TribbleException e) {
            throw new UserException(what + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (counts[0] >= MIN_COMPARED && counts[1] > FOREIGN_SHARE * counts[0]) {
            throw new UserException(what + " has REF alleles other than the reference's at " + counts[1] + " of its"
                    + " first " + counts[0] + " records: it was made against another reference; give that one, or a"
                    + " file of this one");
        }
    }

    /** Counts the record when its REF lies on a contig of the reference: compared, and differing. */
    private static void compare(VariantContext vc, ReferenceSource ref, long[] counts) {
        SAMSequenceRecord contig = ref.dictionary().getSequence(vc.getContig());
        byte[] allele = vc.getReference().getBases();
        // a gVCF block's END lies past its one REF base: the REF allele's own span is what is compared
        int end = vc.getStart() + allele.length - 1;
        if (contig == null || allele.length == 0 || end > contig.getSequenceLength()) {
            return;
        }
        counts[0]++;
        // both sides upper case: htsjdk's alleles are, and basesAsWritten upper-cases the FASTA's soft-masked bases
        if (!Arrays.equals(allele, ref.basesAsWritten(vc.getContig(), vc.getStart(), end))) {
            counts[1]++;
        }
    }
}
