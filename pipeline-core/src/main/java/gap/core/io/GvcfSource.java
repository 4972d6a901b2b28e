package gap.core.io;

import gap.core.model.GvcfRecord;
import htsjdk.samtools.seekablestream.SeekablePathStream;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's gVCF (bgzipped, tabix-indexed, as {@code gap call --gvcf} writes it), gives its records
 * overlapping a stretch of a contig: reference blocks and variant records, {@code <NON_REF>} (or {@code <*>}) taken
 * off the alleles and kept as the last column of PL. The lines are split here, not decoded into htsjdk's
 * VariantContexts: decoding was 80 % of {@code gap joint}'s time (JFR, trio2). The header is not read here: the run
 * reads and checks each gVCF's header once ({@code GvcfInputs}), not each shard worker.
 */
public final class GvcfSource implements AutoCloseable {
    private final TabixIndex index;
    private final BlockCompressedInputStream in;

    public GvcfSource(Path gvcf, Path index) {
        try {
            this.index = new TabixIndex(index);
            this.in = new BlockCompressedInputStream(new SeekablePathStream(gvcf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records overlapping {@code from..to} of {@code contig}: the index's chunks read in order, each from its start (or
     * where the last one ended) to its end, so that a long block in a large bin does not make every later query read
     * the file from that block on. A line is only scanned for its position, kind and last position here; its columns
     * are decoded when the record is asked for ({@link GvcfStretch}).
     */
    public GvcfStretch query(String contig, int from, int to) {
        GvcfStretch.Builder out = new GvcfStretch.Builder();
        List<Block> chunks = new ArrayList<>(index.getBlocks(contig, from, to));
        chunks.sort(java.util.Comparator.comparingLong(Block::getStartPosition));
        long done = -1;
        try {
            for (Block chunk : chunks) {
                if (chunk.getEndPosition() <= done) {
                    continue;
                }
                in.seek(Math.max(chunk.getStartPosition(), done));
                while (in.getFilePointer() < chunk.getEndPosition()) {
                    String line = in.readLine();
                    if (line == null || !add(line, contig, from, to, out)) {
                        return out.build(GvcfSource::record);
                    }
                }
                done = in.getFilePointer();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.build(GvcfSource::record);
    }

    /** Adds the line when it overlaps; false once the lines are past {@code to} (or the contig). */
    private static boolean add(String line, String contig, int from, int to, GvcfStretch.Builder out) {
        int tab = line.indexOf('\t');
        int tab2 = line.indexOf('\t', tab + 1);
        if (!line.regionMatches(0, contig, 0, tab) || tab != contig.length()) {
            return false;
        }
        int position = Integer.parseInt(line, tab + 1, tab2, 10);
        if (position > to) {
            return false;
        }
        int ref = line.indexOf('\t', tab2 + 1);
        int alt = line.indexOf('\t', ref + 1);
        int qual = line.indexOf('\t', alt + 1);
        int filter = line.indexOf('\t', qual + 1);
        int info = line.indexOf('\t', filter + 1);
        int infoEnd = line.indexOf('\t', info + 1);
        int end = infoValue(line, info + 1, infoEnd < 0 ? line.length() : infoEnd, GvcfSink.END);
        boolean block = end != Integer.MIN_VALUE;
        // as the decoded record has it: a variant record spans its REF, a block listing its bases its one position
        int last = !block ? position + alt - ref - 2 : hasBases(line, alt + 1, qual) ? position : end;
        if (position >= from || (block ? end : last) >= from) { // before the stretch as the line has it
            out.add(block, position, last, null, line);
        }
        return true;
    }

    /** The integer value of INFO key {@code key} in {@code line[from, to)}, MIN_VALUE when the key is absent. */
    private static int infoValue(String line, int from, int to, String key) {
        for (int at = from; at < to; ) {
            int semi = line.indexOf(';', at);
            int stop = semi < 0 || semi > to ? to : semi;
            if (stop - at > key.length() && line.charAt(at + key.length()) == '='
                    && line.regionMatches(at, key, 0, key.length())) {
                return Integer.parseInt(line, at + key.length() + 1, stop, 10);
            }
            at = stop + 1;
        }
        return Integer.MIN_VALUE;
    }

    /** Whether the ALT column {@code line[from, to)} lists an allele besides the symbolic ones (and "."). */
    private static boolean hasBases(String line, int from, int to) {
        for (int at = from; at < to; ) {
            int comma = line.indexOf(',', at);
            int stop = comma < 0 || comma > to ? to : comma;
            if (line.charAt(at) != '<' && !(stop - at == 1 && line.charAt(at) == '.')) {
                return true;
            }
            at = stop + 1;
        }
        return false;
    }

    /** One line's record. */
    static GvcfRecord record(String line) {
        return record(split(line, '\t', 10));
    }

    /** One line's record from its columns (CHROM … the sample's). */
    static GvcfRecord record(String[] f) {
        List<String> alleles = new ArrayList<>(List.of(f[3]));
        for (String alt : split(f[4], ',', -1)) {
            if (!alt.startsWith("<") && !alt.equals(".")) {
                alleles.add(alt);
            }
        }
        Map<String, String> info = pairs(f[7]);
        String[] keys = split(f[8], ':', -1);
        String[] values = split(f[9], ':', -1);
        Map<String, String> g = new HashMap<>();
        for (int i = 0; i < keys.length && i < values.length; i++) {
            g.put(keys[i], values[i]);
        }
        int[] gt = genotype(g.getOrDefault("GT", "."));
        String plText = g.get("PL");
        int[] pl = plText == null || plText.equals(".") ? new int[gap.core.model.GenotypeLikelihoods.genotypeCount(
                alleles.size() + 1)] : ints(plText);
        int dp = integer(g.get("DP"), 0);
        int gq = integer(g.get("GQ"), 0);
        int position = Integer.parseInt(f[1]);
        if (info.containsKey(GvcfSink.END)) {
            int end = Integer.parseInt(info.get(GvcfSink.END));
            int minDp = integer(g.get(GvcfSink.MIN_DP), dp);
            return alleles.size() > 1 ? GvcfRecord.alleleBlock(f[0], position, alleles, gt, gq, pl, dp)
                    : GvcfRecord.block(f[0], position, end, alleles.get(0).charAt(0), gq, pl, minDp);
        }
        int[] ad = g.containsKey("AD") ? java.util.Arrays.copyOf(ints(g.get("AD")), alleles.size())
                : new int[alleles.size()];
        double qual = f[5].equals(".") ? -10 : Double.parseDouble(f[5]);
        return new GvcfRecord(f[0], position, position + f[3].length() - 1, alleles, qual, gt, gq, pl, dp, -1, ad,
                raw(info, g));
    }

    /** The two allele indexes of a GT, ascending ({-1, -1} when not called). */
    private static int[] genotype(String gt) {
        if (gt.startsWith(".")) {
            return new int[] {-1, -1};
        }
        int sep = Math.max(gt.indexOf('/'), gt.indexOf('|')); // not String.split: a regex per line was 25 % of joint
        int[] out = sep < 0 ? new int[] {Integer.parseInt(gt), Integer.parseInt(gt)}
                : new int[] {Integer.parseInt(gt.substring(0, sep)), Integer.parseInt(gt.substring(sep + 1))};
        java.util.Arrays.sort(out);
        return out;
    }

    private static int integer(String value, int missing) {
        return value == null || value.equals(".") ? missing : Integer.parseInt(value);
    }

    /** INFO as key → value ("" for a flag). */
    private static Map<String, String> pairs(String info) {
        Map<String, String> out = new HashMap<>();
        if (info.equals(".")) {
            return out;
        }
        for (String kv : split(info, ';', -1)) {
            int eq = kv.indexOf('=');
            out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return out;
    }

    /** {@code text} split at {@code c}; at most {@code limit} pieces (the last keeps the rest) when positive. */
    private static String[] split(String text, char c, int limit) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = text.indexOf(c); i >= 0 && (limit <= 0 || out.size() < limit - 1); i = text.indexOf(c, from)) {
            out.add(text.substring(from, i));
            from = i + 1;
        }
        out.add(text.substring(from));
        return out.toArray(String[]::new);
    }

    private static GvcfRecord.RawAnnotations raw(Map<String, String> info, Map<String, String> g) {
        int[] strands = g.containsKey(GvcfSink.STRAND_TABLE) ? ints(g.get(GvcfSink.STRAND_TABLE)) : new int[4];
        String[] mq = split(info.getOrDefault(GvcfSink.RAW_MQ, ""), ',', -1);
        double squares = mq.length == 2 ? Double.parseDouble(mq[0]) : 0;
        int count = mq.length == 2 ? Integer.parseInt(mq[1]) : 0;
        return new GvcfRecord.RawAnnotations(strands, squares, count, histograms(info, GvcfSink.RAW_MQ_RANK_SUM),
                histograms(info, GvcfSink.RAW_READ_POS_RANK_SUM), histograms(info, GvcfSink.RAW_BASE_Q_RANK_SUM),
                heteroplasmy(g));
    }

    /** chrM's per-ALT heteroplasmy rows, null when the record has none. */
    private static double[][] heteroplasmy(Map<String, String> g) {
        if (!g.containsKey(GvcfSink.HETEROPLASMY[0])) {
            return null;
        }
        double[][] h = new double[GvcfSink.HETEROPLASMY.length][];
        for (int i = 0; i < h.length; i++) {
            h[i] = java.util.Arrays.stream(split(g.get(GvcfSink.HETEROPLASMY[i]), ',', -1))
                    .mapToDouble(Double::parseDouble).toArray();
        }
        return h;
    }

    private static int[][] histograms(Map<String, String> info, String key) {
        String text = info.getOrDefault(key, "|");
        int bar = Math.max(text.indexOf('|'), 0);
        return new int[][] {ints(text, 0, bar), ints(text, bar + 1, text.length())};
    }

    private static int[] ints(String csv) {
        return ints(csv, 0, csv.length());
    }

    /**
     * The comma-separated whole numbers of {@code text[from, to)}, parsed in place: a variant record's rank-sum
     * histograms hold dozens, and a substring for each was a fifth of decoding a joint site.
     */
    private static int[] ints(String text, int from, int to) {
        if (to <= from) {
            return new int[0];
        }
        int n = 1;
        for (int i = from; i < to; i++) {
            n += text.charAt(i) == ',' ? 1 : 0;
        }
        int[] out = new int[n];
        for (int k = 0, at = from; k < n; k++) {
            int comma = text.indexOf(',', at);
            int stop = comma < 0 || comma > to ? to : comma;
            out[k] = Integer.parseInt(text, at, stop, 10);
            at = stop + 1;
        }
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
