package gap.core.qc;

import gap.core.UserException;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes a VCF file (plain or bgzipped; no index needed), gives its {@link CallSetStats}: every record, in file order,
 * through htsjdk. Errors name the file by file name only and never quote it: its header holds sample names.
 */
public final class CallSetReader {
    private CallSetReader() {}

    /** The statistics of the VCF's records, its samples named as its header names them. */
    public static CallSetStats read(Path vcf) {
        return read(vcf, null);
    }

    /**
     * The statistics of the VCF's records, its samples named {@code names} (in header order; the header's own names
     * when null), so that identifiers in a header never reach the statistics.
     */
    public static CallSetStats read(Path vcf, List<String> names) {
        return read(vcf, names, r -> { });
    }

    /** As {@link #read(Path, List)}, handing each record to {@code also} too (family checks read the same stream). */
    public static CallSetStats read(Path vcf, List<String> names, Consumer<CallRecord> also) {
        String name = vcf.getFileName().toString();
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            List<String> samples = reader.getFileHeader().getGenotypeSamples();
            if (names != null && names.size() != samples.size()) {
                throw new IllegalArgumentException("one name per sample of the VCF");
            }
            CallSetStats.Builder stats = new CallSetStats.Builder(names == null ? samples : names);
            try (CloseableIterator<VariantContext> it = reader.iterator()) {
                while (it.hasNext()) {
                    CallRecord r = CallRecord.of(it.next(), samples);
                    stats.add(r);
                    also.accept(r);
                }
            }
            return stats.build();
        } catch (TribbleException | htsjdk.samtools.SAMException | IllegalArgumentException e) {
            throw new UserException("VCF " + name + " could not be read (" + e.getClass().getSimpleName()
                    + "): check it with 'bcftools view " + name + "'", e);
        }
    }
}
