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
 * tabix index by concatenation: the header's blocks, every part's bytes in order, the end-of-file block, and the
 * index fed each part's entries with their offsets moved by where the part begins. BGZF blocks are independent
 * gzip members, so a part written anywhere (a thread, a cluster's executor) is copied as bytes, never decompressed;
 * the index is built from the small entry files, never from the records. The text is what {@link VcfSink} writes.
 */
public final class VcfParts {
    private VcfParts() {}

    /** What a part holds: its BGZF body, its index entries and its records per contig (in order of appearance). */
    public record Part(Path body, Path entries, Map<String, Long> recordsPerContig) implements java.io.Serializable {}

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
            return new Part(body, entries, recordsPerContig);
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
        String name = target.getFileName().toString();
        Path partial = target.resolveSibling("." + name.substring(0, name.length() - ".vcf.gz".length())
                + ".partial.vcf.gz");
        Path partialIndex = partial.resolveSibling(partial.getFileName() + ".tbi");
        TabixIndexCreator indexer = new TabixIndexCreator(header.dictionary(), TabixFormat.VCF);
        Map<String, Long> recordsPerContig = new LinkedHashMap<>();
        long records = 0;
        try {
            try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(partial),
                    1 << 16))) {
                writeHeader(out, header.vcfHeader());
                for (Part part : parts) {
                    records += addEntries(indexer, part.entries(), out.count << 16);
                    try (InputStream in = Files.newInputStream(part.body())) {
                        in.transferTo(out);
                    }
                    part.recordsPerContig().forEach((contig, n) -> recordsPerContig.merge(contig, n, Long::sum));
                }
                indexer.finalizeIndex(out.count << 16).write(partialIndex);
                out.write(BlockCompressedStreamConstants.EMPTY_GZIP_BLOCK);
            }
            TabixMetadata.add(partialIndex, recordsPerContig);
            Files.deleteIfExists(target);
            Path index = target.resolveSibling(name + ".tbi");
            Files.move(partialIndex, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    /** The header's text, by htsjdk's own VCF writer, as BGZF blocks ending at a block boundary. */
    private static void writeHeader(OutputStream out, VCFHeader header) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        VariantContextWriter writer = new VariantContextWriterBuilder().setOutputVCFStream(text)
                .unsetOption(htsjdk.variant.variantcontext.writer.Options.INDEX_ON_THE_FLY).build();
        writer.writeHeader(header);
        writer.close();
        BlockCompressedOutputStream bgzf = new BlockCompressedOutputStream(new NoClose(out), (Path) null);
        bgzf.write(text.toByteArray());
        bgzf.close(false);
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
    private static final class CountingStream extends java.io.FilterOutputStream {
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
    private static final class NoClose extends java.io.FilterOutputStream {
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
