package gap.cli;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SAMTextHeaderCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small synthetic genome for tests that need what the committed slice lacks (chrX, chrY, their PARs, copy-number
 * changes): a reference of random sequence ({@code chr1}, {@code chr2}, {@code chrX}, {@code chrY} whose first
 * {@link #PAR} bases
 * are N — the GRCh38 analysis sets mask Y's PARs so their reads align to X's — and {@code chrM}), and people made of
 * haplotypes, one list of copies per contig, each copy the reference with SNVs written in, present in a fraction of
 * cells. Reads are simulated as 2×100 bp pairs of 300 bp fragments drawn uniformly from each copy at the copy's depth,
 * with 0.1 % substitution errors at base quality 30, and written already aligned (MAPQ 60, their true place) as a
 * sorted, indexed BAM: the calling and copy-number stages are under test here, not an aligner. Everything is drawn
 * from a seeded {@link Random}, so the same arguments give the same files.
 */
final class SyntheticGenome {
    static final int PAR = 10_000;
    static final int READ = 100;
    static final int FRAGMENT = 300;
    static final Map<String, Integer> CONTIGS = new LinkedHashMap<>();

    static {
        CONTIGS.put("chr1", 120_000);
        CONTIGS.put("chr2", 60_000);
        CONTIGS.put("chrX", 60_000);
        CONTIGS.put("chrY", 30_000);
        CONTIGS.put("chrM", 16_569);
    }

    /** The PAR setting of this reference: chrX's and chrY's first 10 kb. */
    static final String PAR_SETTING = "ploidy.parRegions=chrX:1-" + PAR + ",chrY:1-" + PAR;

    private final Map<String, byte[]> reference = new LinkedHashMap<>();
    private final SAMSequenceDictionary dictionary = new SAMSequenceDictionary();

    SyntheticGenome(long seed) {
        Random random = new Random(seed);
        for (Map.Entry<String, Integer> c : CONTIGS.entrySet()) {
            byte[] bases = new byte[c.getValue()];
            for (int i = 0; i < bases.length; i++) {
                // GC share varying along the contig (30 % to 60 %) so bins differ in GC, as real ones do
                double gc = 0.45 + 0.15 * Math.sin(i / 7000.0);
                double u = random.nextDouble();
                bases[i] = (byte) (u < gc / 2 ? 'G' : u < gc ? 'C' : u < gc + (1 - gc) / 2 ? 'A' : 'T');
            }
            if (c.getKey().equals("chrY")) {
                Arrays.fill(bases, 0, PAR, (byte) 'N');
            }
            reference.put(c.getKey(), bases);
            dictionary.addSequence(new SAMSequenceRecord(c.getKey(), c.getValue()));
        }
    }

    byte base(String contig, int position) {
        return reference.get(contig)[position - 1];
    }

    /** Writes ref.fa with its .fai and .dict into {@code dir}; gives the FASTA's path. */
    Path writeReference(Path dir) {
        Path fasta = dir.resolve("ref.fa");
        StringBuilder fa = new StringBuilder();
        StringBuilder fai = new StringBuilder();
        long offset = 0;
        for (Map.Entry<String, byte[]> c : reference.entrySet()) {
            String header = ">" + c.getKey() + "\n";
            fa.append(header);
            offset += header.length();
            byte[] b = c.getValue();
            fai.append(c.getKey()).append('\t').append(b.length).append('\t').append(offset).append("\t60\t61\n");
            for (int i = 0; i < b.length; i += 60) {
                fa.append(new String(b, i, Math.min(60, b.length - i), StandardCharsets.US_ASCII)).append('\n');
            }
            offset += b.length + (b.length + 59) / 60;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(fasta, fa);
            Files.writeString(dir.resolve("ref.fa.fai"), fai);
            SAMFileHeader h = new SAMFileHeader(dictionary);
            StringWriter dict = new StringWriter();
            new SAMTextHeaderCodec().encode(dict, h);
            Files.writeString(dir.resolve("ref.dict"), dict.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fasta;
    }

    /** One copy of a contig: its SNVs (1-based position to base), its depth, the span it covers (1-based). */
    record Copy(String contig, Map<Integer, Character> snvs, double depth, int from, int to) {
        Copy(String contig, Map<Integer, Character> snvs, double depth) {
            this(contig, snvs, depth, 1, CONTIGS.get(contig));
        }
    }

    /** Writes the BAM of a person made of {@code copies}, its read group's SM {@code sample}; gives its path. */
    Path writeBam(Path dir, String name, String sample, List<Copy> copies, long seed) {
        SAMFileHeader header = new SAMFileHeader(dictionary);
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        SAMReadGroupRecord rg = new SAMReadGroupRecord(name + ".L1");
        rg.setSample(sample);
        rg.setPlatform("ILLUMINA");
        header.addReadGroup(rg);
        Random random = new Random(seed);
        List<SAMRecord> records = new ArrayList<>();
        int pair = 0;
        for (Copy copy : copies) {
            byte[] bases = reference.get(copy.contig()).clone();
            copy.snvs().forEach((pos, alt) -> bases[pos - 1] = (byte) (char) alt);
            int span = copy.to() - copy.from() + 1;
            long pairs = Math.round(copy.depth() * span / (2.0 * READ));
            for (long p = 0; p < pairs; p++) {
                int start = copy.from() + random.nextInt(Math.max(1, span - FRAGMENT + 1));
                pair++;
                addPair(header, records, bases, copy.contig(), start, name + ":" + pair, random);
            }
        }
        records.sort(Comparator.comparingInt(SAMRecord::getReferenceIndex).thenComparingInt(SAMRecord::getAlignmentStart)
                .thenComparing(SAMRecord::getReadName).thenComparing(SAMRecord::getFirstOfPairFlag));
        Path bam = dir.resolve(name + ".bam");
        try (SAMFileWriter w = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(header, true, bam)) {
            records.forEach(w::addAlignment);
        }
        try {
            Files.move(dir.resolve(name + ".bai"), dir.resolve(name + ".bam.bai"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bam;
    }

    private static void addPair(SAMFileHeader header, List<SAMRecord> out, byte[] bases, String contig, int start,
                                String name, Random random) {
        int mateStart = start + FRAGMENT - READ;
        boolean firstForward = random.nextBoolean();
        SAMRecord left = read(header, bases, contig, start, name, random);
        SAMRecord right = read(header, bases, contig, mateStart, name, random);
        left.setReadNegativeStrandFlag(!firstForward);
        right.setReadNegativeStrandFlag(firstForward);
        left.setFirstOfPairFlag(firstForward);
        left.setSecondOfPairFlag(!firstForward);
        right.setFirstOfPairFlag(!firstForward);
        right.setSecondOfPairFlag(firstForward);
        for (SAMRecord[] pair : new SAMRecord[][] {{left, right}, {right, left}}) {
            pair[0].setMateReferenceName(contig);
            pair[0].setMateAlignmentStart(pair[1].getAlignmentStart());
            pair[0].setMateNegativeStrandFlag(pair[1].getReadNegativeStrandFlag());
            pair[0].setInferredInsertSize(pair[0] == left ? FRAGMENT : -FRAGMENT);
        }
        out.add(left);
        out.add(right);
    }

    private static SAMRecord read(SAMFileHeader header, byte[] bases, String contig, int start, String name,
                                  Random random) {
        SAMRecord r = new SAMRecord(header);
        r.setReadName(name);
        r.setReferenceName(contig);
        r.setAlignmentStart(start);
        r.setMappingQuality(60);
        r.setCigarString(READ + "M");
        r.setReadPairedFlag(true);
        r.setProperPairFlag(true);
        byte[] seq = Arrays.copyOfRange(bases, start - 1, start - 1 + READ);
        for (int i = 0; i < seq.length; i++) {
            if (random.nextDouble() < 0.001) {
                seq[i] = (byte) "ACGT".charAt((("ACGT".indexOf(seq[i]) + 1 + random.nextInt(3)) % 4));
            }
        }
        r.setReadBases(seq);
        byte[] quals = new byte[READ];
        Arrays.fill(quals, (byte) 30);
        r.setBaseQualities(quals);
        r.setAttribute("RG", header.getReadGroups().get(0).getId());
        return r;
    }

    /** An SNV at {@code position}: a base other than the reference's there. */
    char alt(String contig, int position) {
        char ref = (char) base(contig, position);
        return "ACGT".charAt(("ACGT".indexOf(ref) + 2) % 4);
    }
}
