package gap.core.io;

import gap.core.model.GenotypeLikelihoods;
import gap.core.model.GvcfRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes one data line of a sample's gVCF, gives its record: the columns, INFO pairs and FORMAT values read in place by
 * their offsets in the line. Splitting the line into arrays of Strings and maps of INFO and FORMAT was a fifth of
 * {@code gap joint}'s shard work, and the JIT's second largest compilation of a run (C2 compiled the decoder and its
 * split helper for 1.5 s, for ~30,000 records decoded in a trio2 run).
 */
final class GvcfLine {
    private static final long ABSENT = -1;
    private final String line;
    private final int[] tabs = new int[9]; // the first nine tabs; the sample's column is the rest of the line

    private GvcfLine(String line) {
        this.line = line;
        int at = -1;
        for (int c = 0; c < tabs.length; c++) {
            at = line.indexOf('\t', at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("a gVCF line has fewer than 10 columns");
            }
            tabs[c] = at;
        }
    }

    /** The record of {@code line}, as the VCF reads: absent PL zeros, absent DP and GQ 0, a block's MIN_DP its DP. */
    static GvcfRecord record(String line) {
        return new GvcfLine(line).record();
    }

    /**
     * Whether the line {@code text[from, to)} has hom-ref among its most likely genotypes: PL's first value is its
     * least, or it has no PL (read as zeros). False also when PL is not plain whole numbers (the full decoder then
     * judges the line). Read from the bytes, without decoding the record: most of a joint run's sites are positions
     * where every sample's evidence favours hom-ref, and their records need not be decoded.
     */
    static boolean refFavoured(byte[] text, int from, int to) {
        int format = -1;
        int sample = -1;
        for (int c = 0, at = from; c < 9; c++, at++) {
            at = GvcfSource.indexOf(text, at, to, (byte) '\t');
            if (at < 0) {
                return false;
            }
            format = c == 7 ? at + 1 : format;
            sample = c == 8 ? at + 1 : sample;
        }
        long pl = ABSENT;
        for (int k = format, v = sample, keys = sample - 1; ; ) { // as format(): the last PL, keys and values in step
            int kStop = stop(text, k, keys, (byte) ':');
            int vStop = stop(text, v, to, (byte) ':');
            if (kStop - k == 2 && text[k] == 'P' && text[k + 1] == 'L') {
                pl = range(v, vStop);
            }
            if (kStop == keys || vStop == to) {
                break;
            }
            k = kStop + 1;
            v = vStop + 1;
        }
        if (pl == ABSENT || (to(pl) - from(pl) == 1 && text[from(pl)] == '.')) {
            return true;
        }
        return refLeast(text, from(pl), to(pl));
    }

    /** Whether the comma-separated whole numbers {@code text[from, to)} have their least first (false if any is not one). */
    private static boolean refLeast(byte[] text, int from, int to) {
        long first = -1;
        long value = 0;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || text[i] == ',') {
                if (digits == 0 || digits > 9) {
                    return false;
                }
                if (first < 0) {
                    first = value;
                } else if (value < first) {
                    return false;
                }
                value = 0;
                digits = 0;
            } else if (text[i] >= '0' && text[i] <= '9') {
                value = value * 10 + (text[i] - '0');
                digits++;
            } else {
                return false;
            }
        }
        return true;
    }

    private static int stop(byte[] text, int at, int to, byte b) {
        int i = GvcfSource.indexOf(text, at, to, b);
        return i < 0 ? to : i;
    }

    private GvcfRecord record() {
        String contig = line.substring(0, tabs[0]);
        int position = Integer.parseInt(line, start(1), tabs[1], 10);
        List<String> alleles = alleles();
        int[] gt = genotype(format("GT"));
        long pl = format("PL");
        int[] likelihoods = pl == ABSENT || isDot(pl) ? new int[GenotypeLikelihoods.genotypeCount(alleles.size() + 1)]
                : ints(pl);
        int dp = integer(format("DP"), 0);
        int gq = integer(format("GQ"), 0);
        long end = info(GvcfSink.END);
        if (end != ABSENT) {
            int last = Integer.parseInt(line, from(end), to(end), 10);
            int minDp = integer(format(GvcfSink.MIN_DP), dp);
            return alleles.size() > 1 ? GvcfRecord.alleleBlock(contig, position, alleles, gt, gq, likelihoods, dp)
                    : GvcfRecord.block(contig, position, last, alleles.get(0).charAt(0), gq, likelihoods, minDp);
        }
        long ad = format("AD");
        int[] depths = ad == ABSENT ? new int[alleles.size()] : Arrays.copyOf(ints(ad), alleles.size());
        String qual = line.substring(start(5), tabs[5]);
        return new GvcfRecord(contig, position, position + alleles.get(0).length() - 1, alleles,
                qual.equals(".") ? -10 : Double.parseDouble(qual), gt, gq, likelihoods, dp, -1, depths, raw());
    }

    /** REF, then the ALT column's alleles but the symbolic ones ({@code <NON_REF>}, {@code <*>}) and ".". */
    private List<String> alleles() {
        List<String> alleles = new ArrayList<>(3);
        alleles.add(line.substring(start(3), tabs[3]));
        for (int at = start(4), to = tabs[4]; ; ) {
            int stop = stop(at, to, ',');
            boolean symbolic = stop > at && line.charAt(at) == '<';
            if (!symbolic && !(stop - at == 1 && line.charAt(at) == '.')) {
                alleles.add(line.substring(at, stop));
            }
            if (stop == to) {
                return alleles;
            }
            at = stop + 1;
        }
    }

    private GvcfRecord.RawAnnotations raw() {
        long sb = format(GvcfSink.STRAND_TABLE);
        long mq = info(GvcfSink.RAW_MQ);
        // RAW_MQandDP: the sum of squared mapping qualities and its count, both or neither
        int comma = mq == ABSENT ? -1 : stop(from(mq), to(mq), ',');
        boolean pair = comma >= 0 && comma < to(mq) && stop(comma + 1, to(mq), ',') == to(mq);
        return new GvcfRecord.RawAnnotations(sb == ABSENT ? new int[4] : ints(sb),
                pair ? Double.parseDouble(line.substring(from(mq), comma)) : 0,
                pair ? Integer.parseInt(line, comma + 1, to(mq), 10) : 0, histograms(GvcfSink.RAW_MQ_RANK_SUM),
                histograms(GvcfSink.RAW_READ_POS_RANK_SUM), histograms(GvcfSink.RAW_BASE_Q_RANK_SUM),
                heteroplasmy());
    }

    /** A rank-sum's two histograms, ALT's then REF's, either side of its '|' (both empty when absent). */
    private int[][] histograms(String key) {
        long value = info(key);
        if (value == ABSENT) {
            return new int[][] {new int[0], new int[0]};
        }
        int bar = line.indexOf('|', from(value));
        bar = bar < 0 || bar >= to(value) ? from(value) : bar;
        return new int[][] {ints(from(value), bar), ints(bar + 1, to(value))};
    }

    /** chrM's per-ALT heteroplasmy rows, null when the record has none. */
    private double[][] heteroplasmy() {
        if (format(GvcfSink.HETEROPLASMY[0]) == ABSENT) {
            return null;
        }
        double[][] h = new double[GvcfSink.HETEROPLASMY.length][];
        for (int i = 0; i < h.length; i++) {
            long value = format(GvcfSink.HETEROPLASMY[i]);
            if (value == ABSENT) {
                throw new IllegalArgumentException("a gVCF record has " + GvcfSink.HETEROPLASMY[0] + " without "
                        + GvcfSink.HETEROPLASMY[i]);
            }
            h[i] = doubles(from(value), to(value));
        }
        return h;
    }

    /** The two allele indexes of a GT, ascending ({-1, -1} when absent or not called). */
    private int[] genotype(long gt) {
        if (gt == ABSENT || (to(gt) > from(gt) && line.charAt(from(gt)) == '.')) {
            return new int[] {-1, -1};
        }
        int sep = Math.max(find(from(gt), to(gt), '/'), find(from(gt), to(gt), '|'));
        int[] out = sep < 0 ? new int[] {Integer.parseInt(line, from(gt), to(gt), 10),
                Integer.parseInt(line, from(gt), to(gt), 10)}
                : new int[] {Integer.parseInt(line, from(gt), sep, 10), Integer.parseInt(line, sep + 1, to(gt), 10)};
        Arrays.sort(out);
        return out;
    }

    /**
     * The value of INFO key {@code key} (the last when repeated, "" for a flag), as {@code from << 32 | to} offsets in
     * the line, or ABSENT.
     */
    private long info(String key) {
        long found = ABSENT;
        for (int at = start(7), to = tabs[7]; ; ) {
            int stop = stop(at, to, ';');
            int eq = stop(at, stop, '=');
            if (eq - at == key.length() && line.regionMatches(at, key, 0, key.length())) {
                found = eq == stop ? range(stop, stop) : range(eq + 1, stop);
            }
            if (stop == to) {
                return found;
            }
            at = stop + 1;
        }
    }

    /** The sample's value of FORMAT key {@code key} (the last when repeated; none past the sample's last value). */
    private long format(String key) {
        long found = ABSENT;
        int k = start(8);
        int v = start(9);
        for (int keys = tabs[8], values = line.length(); ; ) {
            int kStop = stop(k, keys, ':');
            int vStop = stop(v, values, ':');
            if (kStop - k == key.length() && line.regionMatches(k, key, 0, key.length())) {
                found = range(v, vStop);
            }
            if (kStop == keys || vStop == values) {
                return found;
            }
            k = kStop + 1;
            v = vStop + 1;
        }
    }

    private int integer(long value, int missing) {
        return value == ABSENT || isDot(value) ? missing : Integer.parseInt(line, from(value), to(value), 10);
    }

    private boolean isDot(long value) {
        return to(value) - from(value) == 1 && line.charAt(from(value)) == '.';
    }

    private int[] ints(long value) {
        return ints(from(value), to(value));
    }

    /** The comma-separated numbers of {@code line[from, to)}. */
    private double[] doubles(int from, int to) {
        int n = fields(from, to);
        double[] out = new double[n];
        for (int k = 0, at = from; k < n; k++) {
            int stop = stop(at, to, ',');
            out[k] = Double.parseDouble(line.substring(at, stop));
            at = stop + 1;
        }
        return out;
    }

    /** The comma-separated whole numbers of {@code line[from, to)}, none when empty. */
    private int[] ints(int from, int to) {
        if (to <= from) {
            return new int[0];
        }
        int n = fields(from, to);
        int[] out = new int[n];
        for (int k = 0, at = from; k < n; k++) {
            int stop = stop(at, to, ',');
            out[k] = Integer.parseInt(line, at, stop, 10);
            at = stop + 1;
        }
        return out;
    }

    /** How many comma-separated fields {@code line[from, to)} holds: one more than its commas. */
    private int fields(int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            n += line.charAt(i) == ',' ? 1 : 0;
        }
        return n;
    }

    /** Where column {@code c} starts. */
    private int start(int c) {
        return c == 0 ? 0 : tabs[c - 1] + 1;
    }

    /** The first {@code c} in {@code line[at, to)}, else {@code to}. */
    private int stop(int at, int to, char c) {
        int i = line.indexOf(c, at);
        return i < 0 || i >= to ? to : i;
    }

    /** The first {@code c} in {@code line[at, to)}, else -1. */
    private int find(int at, int to, char c) {
        int i = line.indexOf(c, at);
        return i < 0 || i >= to ? -1 : i;
    }

    private static long range(int from, int to) {
        return (long) from << 32 | to;
    }

    private static int from(long range) {
        return (int) (range >>> 32);
    }

    private static int to(long range) {
        return (int) range;
    }
}
