package gap.core.shard;

import gap.core.cnv.SnvSite;
import gap.core.cnv.SnvSites;
import gap.core.model.VariantCall;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a part's final calls as pass 2 scores them, gives beside the part a small file of the SNV sites copy number
 * reads ({@link SnvSite}: PASS biallelic SNVs, heterozygous or homozygous alternate, with their REF and ALT reads),
 * per sample; after pass 2 the driver reads the parts' files in genome order into each sample's packed
 * {@link SnvSites}. The calls themselves never travel: a copy-number run streams as any other.
 */
final class AlleleSidecar {
    private AlleleSidecar() {}

    /** Writes one part's sites: sample, contig, position, het, ALT reads, REF + ALT reads, a record each. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final int samples;
        private final int minDepth;

        Writer(Path file, int samples, int minDepth) {
            this.samples = samples;
            this.minDepth = minDepth;
            try {
                this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a part's allele sites", e);
            }
        }

        /** Adds the call's site of every sample that has one. */
        void add(VariantCall call) {
            try {
                for (int s = 0; s < samples; s++) {
                    SnvSite site = SnvSite.of(call, s, minDepth);
                    if (site != null) {
                        out.writeInt(s);
                        out.writeUTF(site.contig());
                        out.writeInt(site.position());
                        out.writeBoolean(site.het());
                        out.writeInt(site.alt());
                        out.writeInt(site.depth());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a part's allele sites", e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a part's allele sites", e);
            }
        }
    }

    /** Each sample's sites from the parts' files, read in order (genome order). */
    static List<SnvSites> read(List<Path> files, int samples) {
        List<SnvSites> sites = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            sites.add(new SnvSites());
        }
        for (Path file : files) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 16))) {
                while (true) {
                    int s;
                    try {
                        s = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    sites.get(s).add(new SnvSite(in.readUTF(), in.readInt(), in.readBoolean(), in.readInt(),
                            in.readInt()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read a part's allele sites", e);
            }
        }
        return sites;
    }
}
