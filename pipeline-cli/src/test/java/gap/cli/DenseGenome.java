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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.variantcontext.writer.Options;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFHeader;

/**
 * A genome made for many calls at little cost, for tests and benchmarks of memory against call count: {@code contigs}
 * contigs ({@code c1}, {@code c2}, …) of random sequence, one sample homozygous for an SNV about every
 * {@code spacing} bp, its single-end 100 bp reads (MAPQ 60 at their true place, 0.1 % errors at Q30) at
 * {@code depth}, written as ref.fa (.fai, .dict) and a sorted, indexed sample.bam. Seeded: the same arguments give
 * the same files. Each contig is written as it is made, so making a large one needs no memory of it.
 */
final class DenseGenome {
    static final int READ = 100;

    private DenseGenome() {}

    /** Writes the reference and BAM into {@code dir}; gives the number of SNVs written in. */
    static long write(Path dir, int contigs, int length, int spacing, double depth, long seed) throws IOException {
        return write(dir, contigs, length, spacing, depth, seed, false);
    }

    /**
     * As above; with {@code knownSites}, also known-sites.vcf.gz (with its .tbi): four in five of the SNVs (by
     * position, so the genome is the same either way), as dbSNP holds most of a person's variants.
     */
    static long write(Path dir, int contigs, int length, int spacing, double depth, long seed, boolean knownSites)
            throws IOException {
        Files.createDirectories(dir);
        SAMSequenceDictionary dictionary = new SAMSequenceDictionary();
        for (int c = 1; c <= contigs; c++) {
            dictionary.addSequence(new SAMSequenceRecord("c" + c, length));
        }
        SAMFileHeader header = new SAMFileHeader(dictionary);
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        SAMReadGroupRecord rg = new SAMReadGroupRecord("dense.L1");
        rg.setSample("dense");
        rg.setPlatform("ILLUMINA");
        header.addReadGroup(rg);
        Random random = new Random(seed);
        long snvs = 0;
        StringBuilder fai = new StringBuilder();
        long offset = 0;
        Path bam = dir.resolve("sample.bam");
        VariantContextWriter known = knownSites ? new VariantContextWriterBuilder()
                .setOutputPath(dir.resolve("known-sites.vcf.gz")).setReferenceDictionary(dictionary)
                .setOption(Options.INDEX_ON_THE_FLY).build() : null;
        if (known != null) {
            VCFHeader header1 = new VCFHeader();
            header1.setSequenceDictionary(dictionary);
            known.writeHeader(header1);
        }
        try (Writer fa = Files.newBufferedWriter(dir.resolve("ref.fa"), StandardCharsets.US_ASCII);
             SAMFileWriter reads = new SAMFileWriterFactory().setCreateIndex(true)
                     .makeBAMWriter(header, true, bam)) {
            for (int c = 1; c <= contigs; c++) {
                byte[] ref = new byte[length];
                for (int i = 0; i < length; i++) {
                    ref[i] = (byte) "ACGT".charAt(random.nextInt(4));
                }
                byte[] sample = ref.clone();
                for (int p = spacing / 2 + random.nextInt(spacing / 2); p < length - 1; p += spacing / 2
                        + random.nextInt(spacing)) {
                    sample[p] = (byte) "ACGT".charAt(("ACGT".indexOf(ref[p]) + 1 + random.nextInt(3)) % 4);
                    snvs++;
                    if (known != null && p % 5 != 0) {
                        known.add(new VariantContextBuilder("dense", "c" + c, p + 1, p + 1, List.of(
                                Allele.create(ref[p], true), Allele.create(sample[p], false)))
                                .id("rs" + snvs).make());
                    }
                }
                String head = ">c" + c + "\n";
                fa.write(head);
                offset += head.length();
                fai.append("c").append(c).append('\t').append(length).append('\t').append(offset).append("\t60\t61\n");
                for (int i = 0; i < length; i += 60) {
                    fa.write(new String(ref, i, Math.min(60, length - i), StandardCharsets.US_ASCII) + "\n");
                }
                offset += length + (length + 59) / 60;
                writeReads(header, reads, "c" + c, sample, depth, random);
            }
        }
        if (known != null) {
            known.close();
        }
        Files.writeString(dir.resolve("ref.fa.fai"), fai);
        StringWriter dict = new StringWriter();
        new SAMTextHeaderCodec().encode(dict, new SAMFileHeader(dictionary));
        Files.writeString(dir.resolve("ref.dict"), dict.toString());
        Files.move(dir.resolve("sample.bai"), dir.resolve("sample.bam.bai"));
        return snvs;
    }

    /** Reads at evenly spread starts (sorted as they are made), each on a random strand. */
    private static void writeReads(SAMFileHeader header, SAMFileWriter out, String contig, byte[] bases,
                                   double depth, Random random) {
        long count = Math.round(depth * bases.length / READ);
        double step = (bases.length - READ) / (double) count;
        byte[] quals = new byte[READ];
        Arrays.fill(quals, (byte) 30);
        for (long n = 0; n < count; n++) {
            int start = 1 + (int) (n * step);
            SAMRecord r = new SAMRecord(header);
            r.setReadName(contig + ":" + n);
            r.setReferenceName(contig);
            r.setAlignmentStart(start);
            r.setMappingQuality(60);
            r.setCigarString(READ + "M");
            r.setReadNegativeStrandFlag(random.nextBoolean());
            byte[] seq = Arrays.copyOfRange(bases, start - 1, start - 1 + READ);
            for (int i = 0; i < seq.length; i++) {
                if (random.nextDouble() < 0.001) {
                    seq[i] = (byte) "ACGT".charAt(("ACGT".indexOf(seq[i]) + 1 + random.nextInt(3)) % 4);
                }
            }
            r.setReadBases(seq);
            r.setBaseQualities(quals);
            r.setAttribute("RG", "dense.L1");
            out.addAlignment(r);
        }
    }

    /** {@code DenseGenome DIR CONTIGS LENGTH SPACING DEPTH}: writes the files, prints the SNVs written in. */
    public static void main(String[] args) throws IOException {
        System.out.println(write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Double.parseDouble(args[4]), 7));
    }
}
