package gap.core.io;

import gap.core.UserException;
import gap.core.model.ReadCounts;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a reads file, gives whether it holds any record, and refuses it when its first aligned reads are all of a kind
 * every caller leaves out: mapping quality 255 ("not available", as some aligners and simulators write it),
 * duplicates, QC failures, secondary or supplementary alignments, no stored bases. Such a file would run to the end and
 * give a sample that is a no-call everywhere, which a report can be read as "no variants". Mapping quality 0 and low
 * mapping qualities are not among them: a repeat's reads have them, and the threshold is a setting.
 */
final class UsableReads {
    /** Reads looked at, from the start of the file (a few kilobytes of the first contig). */
    static final int READS = 2000;
    /** Aligned reads needed before judging: a handful of odd reads is no pattern. */
    static final int MIN_ALIGNED = 20;

    private UsableReads() {}

    /** True when the file holds at least one record; a user error when none of its first aligned reads can be used. */
    static boolean check(Path reads, Path reference) {
        ReadFilters filters = new ReadFilters(0); // MAPQ 0 passes: only 255 fails the quality test here
        Map<ReadCounts.Reason, Integer> dropped = new EnumMap<>(ReadCounts.Reason.class);
        int aligned = 0;
        int usable = 0;
        boolean any = false;
        try (SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference).open(SamInputResource.of(reads));
             SAMRecordIterator records = reader.iterator()) {
            while (records.hasNext() && aligned < READS) {
                SAMRecord read = records.next();
                any = true;
                ReadCounts.Reason reason = filters.test(read);
                if (reason == ReadCounts.Reason.UNMAPPED) {
                    continue;
                }
                aligned++;
                if (reason == ReadCounts.Reason.PASS) {
                    usable++;
                } else {
                    dropped.merge(reason, 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + reads.getFileName(), e);
        }
        if (aligned >= MIN_ALIGNED && usable == 0) {
            throw new UserException(reads.getFileName() + ": none of its first " + aligned + " aligned reads can be"
                    + " called (" + String.join(", ", reasons(dropped)) + "); gap leaves these out as GATK does: give"
                    + " the aligner's mapping qualities and primary, unflagged alignments");
        }
        return any;
    }

    /** The counts of each reason, the largest first (ties in the reasons' order). */
    private static List<String> reasons(Map<ReadCounts.Reason, Integer> dropped) {
        List<Map.Entry<ReadCounts.Reason, Integer>> entries = new ArrayList<>(dropped.entrySet());
        entries.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<ReadCounts.Reason, Integer> e : entries) {
            out.add(e.getValue() + " " + label(e.getKey()));
        }
        return out;
    }

    private static String label(ReadCounts.Reason reason) {
        return switch (reason) {
            case SECONDARY -> "secondary alignments";
            case SUPPLEMENTARY -> "supplementary alignments";
            case DUPLICATE -> "marked duplicates";
            case QC_FAIL -> "failing vendor QC";
            case NO_BASES -> "without stored bases";
            case LOW_MAPPING_QUALITY -> "with mapping quality 255 (not available)";
            case PASS, UNMAPPED -> throw new IllegalArgumentException(reason.name());
        };
    }
}
