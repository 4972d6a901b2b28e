package gap.core.scoring;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.model.VariantCall;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes a known-sites VCF (a dbSNP-like list; its index is used when present) and calls in genome order, gives which
 * calls are at known sites: a call is when one of the ALT alleles its genotype carries is an allele of the list at
 * the same place, both written minimally (shared trailing, then leading, bases trimmed). This selects training
 * examples for the scorer and nothing else.
 */
public final class KnownSites {
    /** Known records can start this far before a call and still, trimmed, be at its position. */
    private static final int LOOK_BEHIND = 1000;
    /** Calls this close together on a contig share one index query. */
    private static final int WINDOW = 100_000;

    private KnownSites() {}

    /** A minimal allele: position of its first differing base context, and the trimmed REF and ALT. */
    record Key(String contig, int position, String ref, String alt) {
        static Key of(String contig, int position, String ref, String alt) {
            int end = 0;
            while (end < ref.length() - 1 && end < alt.length() - 1
                    && ref.charAt(ref.length() - 1 - end) == alt.charAt(alt.length() - 1 - end)) {
                end++;
            }
            String r = ref.substring(0, ref.length() - end);
            String a = alt.substring(0, alt.length() - end);
            int start = 0;
            while (start < r.length() - 1 && start < a.length() - 1 && r.charAt(start) == a.charAt(start)) {
                start++;
            }
            return new Key(contig, position + start, r.substring(start), a.substring(start));
        }
    }

    /** Checks before any work that the file is there and reads as VCF (its header). */
    public static void check(Path knownSites) {
        InputValidator.requireFile(knownSites, "known-sites VCF");
        String name = knownSites.getFileName().toString();
        try (VCFFileReader reader = new VCFFileReader(knownSites, false)) {
            reader.getFileHeader();
        } catch (TribbleException | SAMException e) {
            throw new UserException("known-sites VCF " + name + " could not be read (" + e.getClass().getSimpleName()
                    + "): check it with 'bcftools view " + name + "'", e);
        }
    }

    /** One flag per call, true when it is at a known site. */
    public static boolean[] mark(Path knownSites, List<VariantCall> calls) {
        InputValidator.requireFile(knownSites, "known-sites VCF");
        String name = knownSites.getFileName().toString();
        boolean indexed = Files.exists(knownSites.resolveSibling(name + ".tbi"))
                || Files.exists(knownSites.resolveSibling(name + ".idx"))
                || Files.exists(knownSites.resolveSibling(name + ".csi"));
        Set<Key> known = new HashSet<>();
        try (VCFFileReader reader = new VCFFileReader(knownSites, indexed)) {
            if (indexed) {
                int i = 0;
                while (i < calls.size()) {
                    VariantCall first = calls.get(i);
                    int j = i;
                    while (j + 1 < calls.size() && calls.get(j + 1).contig().equals(first.contig())
                            && calls.get(j + 1).end() - first.position() < WINDOW) {
                        j++;
                    }
                    int end = calls.get(j).end();
                    for (int c = i; c <= j; c++) {
                        end = Math.max(end, calls.get(c).end());
                    }
                    if (reader.getFileHeader().getSequenceDictionary() == null
                            || reader.getFileHeader().getSequenceDictionary().getSequence(first.contig()) != null) {
                        try (CloseableIterator<VariantContext> it = reader.query(first.contig(),
                                Math.max(1, first.position() - LOOK_BEHIND), end)) {
                            it.forEachRemaining(vc -> addKeys(vc, known));
                        }
                    }
                    i = j + 1;
                }
            } else {
                Set<String> contigs = new HashSet<>();
                calls.forEach(c -> contigs.add(c.contig()));
                try (CloseableIterator<VariantContext> it = reader.iterator()) {
                    it.forEachRemaining(vc -> {
                        if (contigs.contains(vc.getContig())) {
                            addKeys(vc, known);
                        }
                    });
                }
            }
        } catch (TribbleException | SAMException e) {
            throw new UserException("known-sites VCF " + name + " could not be read (" + e.getClass().getSimpleName()
                    + "): check it with 'bcftools view " + name + "'", e);
        }
        boolean[] marks = new boolean[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            VariantCall call = calls.get(i);
            for (int a = 1; a < call.alleles().size(); a++) {
                if (call.carried(a) && known.contains(Key.of(call.contig(), call.position(), call.ref(), call.alleles().get(a)))) {
                    marks[i] = true;
                }
            }
        }
        return marks;
    }

    private static void addKeys(VariantContext vc, Set<Key> known) {
        if (vc.isFiltered()) {
            return; // VQSR trains on unfiltered resource records only
        }
        String ref = vc.getReference().getBaseString();
        for (Allele alt : vc.getAlternateAlleles()) {
            if (!alt.isSymbolic() && !Allele.SPAN_DEL_STRING.equals(alt.getDisplayString())) {
                known.add(Key.of(vc.getContig(), vc.getStart(), ref, alt.getBaseString()));
            }
        }
    }
}
