package gap.core.io;

import gap.core.model.VariantCall;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.BlockCompressedStreamConstants;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFEncoder;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a VCF's records written in parts (each part a run of BGZF blocks without the end-of-file marker, and the
 * index entries of its records, contig, start, end and offset within the part), gives the whole bgzipped VCF and its
 * tabix index by concatenation: the header and the first part's records as one BGZF stream, every later part's bytes
 * in order, the end-of-file block, and the index fed each part's entries with their offsets moved by where the part
 * begins. BGZF blocks are independent gzip members, so a part written anywhere (a thread, a cluster's executor) is
 * copied as bytes, never decompressed (but the first, re-encoded behind the header, and one that takes a record made
 * after the parts); the index is built from the small entry files, never from the records. The text is what
 * {@link VcfSink} writes, and with one part the bytes too.
 */
public final class VcfParts {
    private VcfParts() {}

    /**
     * What a part holds: its BGZF body, its index entries, its records per contig (in order of appearance) and its
     * last record's start (on the last of those contigs; 0 when it has none).
     */
    public record Part(Path body, Path entries, Map<String, Long> recordsPerContig, int lastStart)
            implements java.io.Serializable {
        boolean empty() {
            return recordsPerContig.isEmpty();
        }

        String lastContig() {
            String last = null;
            for (String contig : recordsPerContig.keySet()) {
                last = contig;
            }
            return last;
        }
    }

    /** The header's lines, as {@link VcfSink} builds them. */
    public record Header(SAMSequenceDictionary dictionary, List<String> samples, VcfSink.Reference reference,
                         double lowQual, List<VCFHeaderLine> extraLines) implements java.io.Serializable {
        public Header {
            samples = List.copyOf(samples);
            extraLines = List.copyOf(extraLines);
        }

        VCFHeader vcfHeader() {
            return VcfSink.header(dictionary, samples, reference, lowQual, extraLines);
        }
    }

    /** Writes one part: its records as BGZF blocks (no end-of-file marker) and their index entries beside. */
    public static final class Body implements AutoCloseable {
        private final Path body;
        private final Path entries;
        private final List<String> samples;
        private final VCFEncoder encoder;
        private final BlockCompressedOutputStream bgzf;
        private final OutputStream file;
        private final DataOutputStream index;
        private final Map<String, Long> recordsPerContig = new LinkedHashMap<>();
        private int lastStart;
        private boolean done;

        public Body(Path body, Path entries, Header header) {
            this.body = body;
            this.entries = entries;
            this.samples = header.samples();
            VCFHeader vcf = header.vcfHeader();
            // VCFWriter's encoder with VCFWriter's defaults: the records' text is the one-file writer's
            this.encoder = new VCFEncoder(vcf, false, false);
            try {
                this.file = new BufferedOutputStream(Files.newOutputStream(body), 1 << 16);
                this.bgzf = new BlockCompressedOutputStream(file, (Path) null);
                this.index = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(entries), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a part of the VCF", e);
            }
        }

        public void add(VariantCall call) {
            VariantContext vc = VcfSink.context(call, samples);
            try {
                index.writeUTF(vc.getContig());
                index.writeInt(vc.getStart());
                index.writeInt(vc.getEnd());
                index.writeLong(bgzf.getFilePointer());
                bgzf.write((encoder.encode(vc) + "\n").getBytes(VCFEncoder.VCF_CHARSET));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a part of the VCF", e);
            }
            recordsPerContig.merge(vc.getContig(), 1L, Long::sum);
            lastStart = vc.getStart();
        }

        /** Ends the part's last block (no end-of-file marker: more parts follow); gives the part. */
        public Part finish() {
            done = true;
            try {
                bgzf.close(false);
                index.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a part of the VCF", e);
            }
            return new Part(body, entries, recordsPerContig, lastStart);
        }

        /** Without {@link #finish()}: closes and deletes the part's files. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                file.close();
                index.close();
                Files.deleteIfExists(body);
                Files.deleteIfExists(entries);
            } catch (IOException ignored) {
                // the run already failed; its staging folder goes with it
            }
        }
    }

    /**
     * Writes {@code target} (a {@code .vcf.gz}) and its {@code .tbi}: the header, then {@code parts} in order; renamed
     * into place together as {@link VcfSink#commit()} does. Gives the number of records.
     */
    public static long concatenate(Path target, Header header, List<Part> parts) {
        return concatenate(target, header, parts, List.of());
    }

    /**
     * As above, with {@code inserted} (few records in genome order, made after the parts: a run's copy-number
     * changes) merged in, each before the first part record at or after its start, as {@link VcfSink} would have
     * written them among the others. The header and the first part with records are encoded through one BGZF stream,
     * and so is any later part that takes inserted records: the bytes one writer of their text gives, so that a run of
     * one part (a genome of up to 10 Mb of calls) is byte for byte what {@link VcfSink} writes. The other parts are
     * copied as bytes.
     */
    public static long concatenate(Path target, Header header, List<Part> parts, List<VariantContext> inserted) {
        Path partial = staged(target);
        Path partialIndex = partial.resolveSibling(partial.getFileName() + ".tbi");
        TabixIndexCreator indexer = new TabixIndexCreator(header.dictionary(), TabixFormat.VCF);
        Map<String, Long> recordsPerContig = new LinkedHashMap<>();
        long records = 0;
        try {
            try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(partial),
                    1 << 16))) {
                VCFHeader vcfHeader = header.vcfHeader();
                Insertions insertions = new Insertions(inserted, header.dictionary(), vcfHeader);
                int first = -1;
                int last = -1;
                for (int p = 0; p < parts.size(); p++) {
                    first = first < 0 && !parts.get(p).empty() ? p : first;
                    last = parts.get(p).empty() ? last : p;
                }
                BlockCompressedOutputStream head = new BlockCompressedOutputStream(new NoClose(out), (Path) null);
                head.write(headerText(vcfHeader));
                // no part record: the inserted ones alone follow the header
                records += insertions.rewrite(first < 0 ? null : parts.get(first), first == last, head, 0, indexer,
                        recordsPerContig);
                head.close(false);
                for (int p = first + 1; p < parts.size(); p++) {
                    Part part = parts.get(p);
                    if (!part.empty() && insertions.takenBy(part, p == last)) {
                        BlockCompressedOutputStream bgzf = new BlockCompressedOutputStream(new NoClose(out),
                                (Path) null);
                        records += insertions.rewrite(part, p == last, bgzf, out.count << 16, indexer,
                                recordsPerContig);
                        bgzf.close(false);
                        continue;
                    }
                    records += addEntries(indexer, part.entries(), out.count << 16);
                    try (InputStream in = Files.newInputStream(part.body())) {
                        in.transferTo(out);
                    }
                    part.recordsPerContig().forEach((contig, n) -> recordsPerContig.merge(contig, n, Long::sum));
                }
                commitStaged(target, out, indexer, recordsPerContig);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the VCF from its parts", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(partialIndex);
            } catch (IOException ignored) {
                // moved into place already, or the run failed and its staging folder goes with it
            }
        }
    }

    /** The records to insert among the parts', in genome order, the next one first. */
    private static final class Insertions {
        private final List<VariantContext> records;
        private final Map<String, Integer> order = new java.util.HashMap<>();
        private final VCFEncoder encoder;
        private int next;

        Insertions(List<VariantContext> records, SAMSequenceDictionary dictionary, VCFHeader header) {
            this.records = records;
            dictionary.getSequences().forEach(s -> order.put(s.getSequenceName(), s.getSequenceIndex()));
            this.encoder = new VCFEncoder(header, false, false);
        }

        /** Whether the next record goes into {@code part}: before its last record, or after it in the last part. */
        boolean takenBy(Part part, boolean last) {
            return next < records.size() && (last || before(records.get(next), part.lastContig(), part.lastStart()));
        }

        /** Whether {@code vc} goes before a part record at {@code contig}:{@code start}. */
        private boolean before(VariantContext vc, String contig, int start) {
            int a = order.get(vc.getContig());
            int b = order.get(contig);
            return a < b || a == b && vc.getStart() <= start;
        }

        /**
         * Writes {@code part}'s records (none when null) with the inserted ones that go among them, and with all that
         * remain when it is the last, to {@code bgzf}, which begins at {@code shift} (a virtual offset) in the file,
         * and indexes them; gives how many were written.
         */
        long rewrite(Part part, boolean last, BlockCompressedOutputStream bgzf, long shift, TabixIndexCreator indexer,
                     Map<String, Long> recordsPerContig) throws IOException {
            long n = 0;
            if (part != null) {
                try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                        new htsjdk.samtools.util.BlockCompressedInputStream(Files.newInputStream(part.body())),
                        VCFEncoder.VCF_CHARSET));
                     DataInputStream entries = new DataInputStream(new BufferedInputStream(
                             Files.newInputStream(part.entries()), 1 << 16))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String contig = entries.readUTF();
                        int start = entries.readInt();
                        int end = entries.readInt();
                        entries.readLong(); // its offset in the part: moved by what is inserted before it
                        while (next < records.size() && before(records.get(next), contig, start)) {
                            n += write(records.get(next++), bgzf, shift, indexer, recordsPerContig);
                        }
                        indexer.addFeature(new SimpleFeature(contig, start, end), bgzf.getFilePointer() + shift);
                        bgzf.write((line + "\n").getBytes(VCFEncoder.VCF_CHARSET));
                        recordsPerContig.merge(contig, 1L, Long::sum);
                        n++;
                    }
                }
            }
            while (last && next < records.size()) {
                n += write(records.get(next++), bgzf, shift, indexer, recordsPerContig);
            }
            return n;
        }

        private long write(VariantContext vc, BlockCompressedOutputStream bgzf, long shift,
                           TabixIndexCreator indexer, Map<String, Long> recordsPerContig) throws IOException {
            indexer.addFeature(new SimpleFeature(vc.getContig(), vc.getStart(), vc.getEnd()),
                    bgzf.getFilePointer() + shift);
            bgzf.write((encoder.encode(VcfSink.formatted(vc)) + "\n").getBytes(VCFEncoder.VCF_CHARSET));
            recordsPerContig.merge(vc.getContig(), 1L, Long::sum);
            return 1;
        }
    }

    /** The hidden name a VCF is written under until it is complete: a killed run leaves nothing like a VCF. */
    static Path staged(Path target) {
        String name = target.getFileName().toString();
        if (!name.endsWith(".vcf.gz")) {
            throw new IllegalArgumentException("output must end in .vcf.gz");
        }
        return target.resolveSibling("." + name.substring(0, name.length() - ".vcf.gz".length()) + ".partial.vcf.gz");
    }

    /**
     * Ends the VCF staged at {@link #staged}({@code target}), its records all written to {@code out}: the tabix index
     * ends where the records do, before the end-of-file block (as htsjdk's indexing writer ends it), with the
     * per-contig record counts; then the index, then the VCF, move into place, an older VCF removed first.
     */
    static void commitStaged(Path target, CountingStream out, TabixIndexCreator indexer,
                             Map<String, Long> recordsPerContig) throws IOException {
        Path partial = staged(target);
        Path partialIndex = partial.resolveSibling(partial.getFileName() + ".tbi");
        indexer.finalizeIndex(out.count << 16).write(partialIndex);
        out.write(BlockCompressedStreamConstants.EMPTY_GZIP_BLOCK);
        out.close();
        TabixMetadata.add(partialIndex, recordsPerContig);
        Files.deleteIfExists(target);
        Files.move(partialIndex, target.resolveSibling(target.getFileName() + ".tbi"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The header's text, by htsjdk's own VCF writer. */
    static byte[] headerText(VCFHeader header) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        VariantContextWriter writer = new VariantContextWriterBuilder().setOutputVCFStream(text)
                .unsetOption(htsjdk.variant.variantcontext.writer.Options.INDEX_ON_THE_FLY).build();
        writer.writeHeader(header);
        writer.close();
        return text.toByteArray();
    }

    /** Feeds the index a part's entries, offsets moved by {@code shift}; gives how many there were. */
    private static long addEntries(TabixIndexCreator indexer, Path entries, long shift) throws IOException {
        long n = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entries),
                1 << 16))) {
            while (true) {
                String contig;
                try {
                    contig = in.readUTF();
                } catch (EOFException end) {
                    return n;
                }
                int start = in.readInt();
                int end = in.readInt();
                indexer.addFeature(new SimpleFeature(contig, start, end), in.readLong() + shift);
                n++;
            }
        }
    }

    /** Counts the bytes written through it: where the next part begins. */
    static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Keeps the stream it wraps open when closed. */
    static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
