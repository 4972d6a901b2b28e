package gap.core.scoring;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.model.VariantCall;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.index.tabix.TabixIndex;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a known-sites VCF (a dbSNP-like list; its index is used when present) and calls in genome order, gives which
 * calls are at known sites: a call is when one of the ALT alleles its genotype carries is an allele of the list at
 * the same place, both written minimally (shared trailing, then leading, bases trimmed). This selects the scorer's
 * training examples and, through {@link Reader}, tells a trio's de novo posterior which alleles are novel; it is
 * never a feature, a filter or a genotype prior.
 */
public final class KnownSites {
    /** Known records can start this far before a call and still, trimmed, be at its position. */
    private static final int LOOK_BEHIND = 1000;
    /** Calls this close together on a contig share one index query. */
    private static final int WINDOW = 100_000;
    /** The header key naming the known-sites file a VCF's IDs come from. */
    public static final String HEADER_KEY = "gapKnownSites";
    private static final String NO_ID = ".";

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

    /** The known alleles of one stretch of a contig, as {@link Reader#alleles} gives them, with their IDs. */
    public static final class Alleles {
        private final Map<Key, String> keys;

        private Alleles(Map<Key, String> keys) {
            this.keys = keys;
        }

        /** Whether the call's allele {@code allele} (an index into its alleles, ≥ 1) is in the list here. */
        public boolean isKnown(VariantCall call, int allele) {
            return keys.containsKey(key(call, allele));
        }

        /** The list's ID of the call's allele {@code allele} (an rsID), or null when it has none or is not listed. */
        String id(VariantCall call, int allele) {
            String id = keys.get(key(call, allele));
            return NO_ID.equals(id) ? null : id;
        }

        private static Key key(VariantCall call, int allele) {
            return Key.of(call.contig(), call.position(), call.ref(), call.alleles().get(allele));
        }
    }

    /**
     * The calls with the IDs of their ALT alleles the list holds (as GATK's {@code --dbsnp} fills ID: any ALT of the
     * call, carried or not), which of them are at known sites (a carried ALT listed), and the header line naming the
     * list by file name and MD5, never by path.
     */
    public record Marked(List<VariantCall> calls, boolean[] known, VCFHeaderLine headerLine) {}

    /** An open known-sites VCF answering for one stretch of a contig at a time; one per thread. */
    public static final class Reader implements AutoCloseable {
        private final String name;
        private final boolean indexed;
        private final VCFFileReader reader;

        public Reader(Path knownSites) {
            InputValidator.requireFile(knownSites, "known-sites VCF");
            this.name = knownSites.getFileName().toString();
            this.indexed = Files.exists(knownSites.resolveSibling(name + ".tbi"))
                    || Files.exists(knownSites.resolveSibling(name + ".idx"))
                    || Files.exists(knownSites.resolveSibling(name + ".csi"));
            try {
                this.reader = new VCFFileReader(knownSites, indexed);
            } catch (TribbleException | SAMException e) {
                throw unreadable(name, e);
            }
        }

        /**
         * The known alleles of the calls at {@code start..end} of {@code contig}; without an index the whole file is
         * read for it, so give a large list its {@code .tbi}.
         */
        public Alleles alleles(String contig, int start, int end) {
            Map<Key, String> known = new HashMap<>();
            collect(contig, start, end, known);
            return new Alleles(known);
        }

        private void collect(String contig, int start, int end, Map<Key, String> known) {
            try {
                if (indexed) {
                    if (reader.getFileHeader().getSequenceDictionary() == null
                            || reader.getFileHeader().getSequenceDictionary().getSequence(contig) != null) {
                        try (CloseableIterator<VariantContext> it = reader.query(contig,
                                Math.max(1, start - LOOK_BEHIND), end)) {
                            it.forEachRemaining(vc -> addKeys(vc, known));
                        }
                    }
                } else {
                    try (CloseableIterator<VariantContext> it = reader.iterator()) {
                        it.forEachRemaining(vc -> {
                            if (vc.getContig().equals(contig) && vc.getEnd() >= start - LOOK_BEHIND
                                    && vc.getStart() <= end) {
                                addKeys(vc, known);
                            }
                        });
                    }
                }
            } catch (TribbleException | SAMException e) {
                throw unreadable(name, e);
            }
        }

        /** True when a site lies on one of {@code reference}'s contigs: the tabix index's contigs, or the records'. */
        private boolean hasSitesOn(Path knownSites, SAMSequenceDictionary reference) {
            Path tbi = knownSites.resolveSibling(name + ".tbi");
            try {
                if (Files.exists(tbi)) {
                    return new TabixIndex(tbi).getSequenceNames().stream()
                            .anyMatch(c -> reference.getSequence(c) != null);
                }
                try (CloseableIterator<VariantContext> it = reader.iterator()) {
                    while (it.hasNext()) {
                        if (reference.getSequence(it.next().getContig()) != null) {
                            return true;
                        }
                    }
                    return false;
                }
            } catch (IOException e) {
                throw new UserException("the index of known-sites VCF " + name + " could not be read: re-create it"
                        + " with 'tabix -p vcf " + name + "'", e);
            } catch (TribbleException | SAMException e) {
                throw unreadable(name, e);
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * Checks before any work that the file is there, complete (BGZF end-of-file block), reads as VCF, and has sites
     * on at least one of the {@code reference}'s contigs: known sites named {@code 22}/{@code MT} against a
     * {@code chr22}/{@code chrM} reference would train on nothing and fall back silently.
     */
    public static void check(Path knownSites, SAMSequenceDictionary reference) {
        InputValidator.requireFile(knownSites, "known-sites VCF");
        InputValidator.requireBgzfEnd(knownSites, "known-sites VCF");
        try (Reader reader = new Reader(knownSites)) {
            reader.reader.getFileHeader();
            if (!reader.hasSitesOn(knownSites, reference)) {
                throw new UserException("known-sites VCF " + reader.name + " has no site on any contig of the reference"
                        + " (other contig names, e.g. 22 against chr22?): give known sites of this reference");
            }
        }
    }

    /** Each call with its IDs from the list, and whether it is at a known site; see {@link Marked}. */
    public static Marked mark(Path knownSites, List<VariantCall> calls) {
        Marked marked = markWithoutHeader(knownSites, calls);
        return new Marked(marked.calls(), marked.known(), headerLine(knownSites));
    }

    /**
     * As {@link #mark}, without the header line (null), whose MD5 reads the whole list: for a part of a run (one
     * shard's calls), whose header line is made once.
     */
    public static Marked markWithoutHeader(Path knownSites, List<VariantCall> calls) {
        Map<Key, String> known = new HashMap<>();
        try (Reader reader = new Reader(knownSites)) {
            if (reader.indexed) {
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
                    reader.collect(first.contig(), first.position(), end, known);
                    i = j + 1;
                }
            } else {
                Set<String> contigs = new HashSet<>();
                calls.forEach(c -> contigs.add(c.contig()));
                try (CloseableIterator<VariantContext> it = reader.reader.iterator()) {
                    it.forEachRemaining(vc -> {
                        if (contigs.contains(vc.getContig())) {
                            addKeys(vc, known);
                        }
                    });
                } catch (TribbleException | SAMException e) {
                    throw unreadable(reader.name, e);
                }
            }
        }
        Alleles alleles = new Alleles(known);
        boolean[] marks = new boolean[calls.size()];
        List<VariantCall> withIds = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            VariantCall call = calls.get(i);
            Set<String> ids = new LinkedHashSet<>();
            for (int a = 1; a < call.alleles().size(); a++) {
                if (call.carried(a) && alleles.isKnown(call, a)) {
                    marks[i] = true;
                }
                String id = alleles.id(call, a);
                if (id != null) {
                    ids.add(id);
                }
            }
            withIds.add(call.withIds(List.copyOf(ids))); // replaces IDs a rescored VCF had from another list
        }
        return new Marked(withIds, marks, null);
    }

    /** {@code ##gapKnownSites=<file name>,md5=<MD5 of the file's bytes>}: which list filled ID and chose training. */
    public static VCFHeaderLine headerLine(Path knownSites) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(Files.newInputStream(knownSites), md5)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new VCFHeaderLine(HEADER_KEY, knownSites.getFileName() + ",md5="
                    + HexFormat.of().formatHex(md5.digest()));
        } catch (IOException e) {
            throw new UserException("known-sites VCF " + knownSites.getFileName() + " could not be read ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserException unreadable(String name, RuntimeException e) {
        return new UserException("known-sites VCF " + name + " could not be read (" + e.getClass().getSimpleName()
                + "): check it with 'bcftools view " + name + "'", e);
    }

    private static void addKeys(VariantContext vc, Map<Key, String> known) {
        if (vc.isFiltered()) {
            return; // VQSR trains on unfiltered resource records only
        }
        String ref = vc.getReference().getBaseString();
        for (Allele alt : vc.getAlternateAlleles()) {
            if (!alt.isSymbolic() && !Allele.SPAN_DEL_STRING.equals(alt.getDisplayString())) {
                // the first listed ID of an allele; "." (none) keeps its place as known without an ID
                known.merge(Key.of(vc.getContig(), vc.getStart(), ref, alt.getBaseString()),
                        vc.hasID() ? vc.getID() : NO_ID, (a, b) -> a.equals(NO_ID) ? b : a);
            }
        }
    }
}
