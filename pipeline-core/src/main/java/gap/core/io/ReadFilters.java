package gap.core.io;

import gap.core.model.ReadCounts.Reason;
import htsjdk.samtools.SAMRecord;

/**
 * Takes a read, says which filter drops it, if any (step 4 of docs/ARCHITECTURE.md's data path): unmapped,
 * secondary, supplementary, duplicate, QC-fail, no stored bases, or mapping quality below the threshold or unavailable
 * (255). Checked in that order; the first match counts.
 */
public final class ReadFilters {

    private final int minMappingQuality;

    public ReadFilters(int minMappingQuality) {
        this.minMappingQuality = minMappingQuality;
    }

    public Reason test(SAMRecord read) {
        if (read.getReadUnmappedFlag() || read.getCigarLength() == 0) {
            return Reason.UNMAPPED;
        }
        if (read.isSecondaryAlignment()) {
            return Reason.SECONDARY;
        }
        if (read.getSupplementaryAlignmentFlag()) {
            return Reason.SUPPLEMENTARY;
        }
        if (read.getDuplicateReadFlag()) {
            return Reason.DUPLICATE;
        }
        if (read.getReadFailsVendorQualityCheckFlag()) {
            return Reason.QC_FAIL;
        }
        if (read.getReadLength() == 0) {
            return Reason.NO_BASES;
        }
        if (read.getMappingQuality() < minMappingQuality || read.getMappingQuality() == 255) {
            return Reason.LOW_MAPPING_QUALITY;
        }
        return Reason.PASS;
    }
}
