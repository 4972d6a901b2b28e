package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.GenotypeLikelihoods;
import gap.core.model.GvcfRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-made gVCF lines decoded in place: blocks, one-position blocks listing bases and variant records with their raw
 * annotations, with the answers worked out by hand; and every line here, and random ones, decoded as the decoder
 * before (which split the line into Strings and maps, kept below) decoded them.
 */
class GvcfLineTest {
    private static final String BLOCK = "GT:DP:GQ:MIN_DP:PL";
    private static final String VARIANT = "GT:AD:DP:GQ:PL:SB";
    private static final String RAW = "DP=26;RAW_BaseQRankSum=20,1,21,1|20,2,21,4;RAW_MQRankSum=60,2|60,24;"
            + "RAW_MQandDP=93600,26;RAW_ReadPosRankSum=14,1,71,1|6,1";

    @Test
    void aBlockHasItsSpanLeastDepthAndThreeLikelihoods() {
        GvcfRecord r = check("c\t41\t.\tC\t<NON_REF>\t.\t.\tEND=120\t" + BLOCK + "\t0/0:8:21:6:0,21,210");
        assertEquals("c", r.contig());
        assertEquals(41, r.position());
        assertEquals(120, r.end());
        assertEquals(List.of("C"), r.alleles());
        assertArrayEquals(new int[] {0, 0}, r.gt());
        assertEquals(21, r.gq());
        assertArrayEquals(new int[] {0, 21, 210}, r.pl());
        assertEquals(6, r.minDp()); // a block's depth is its least depth
        assertEquals(6, r.dp());
        assertTrue(r.isBlock());
        // without MIN_DP, DP stands for it; without PL, zeros
        GvcfRecord bare = check("c\t41\t.\tC\t<NON_REF>\t.\t.\tEND=50\tGT:DP:GQ\t0/0:8:21");
        assertEquals(8, bare.minDp());
        assertArrayEquals(new int[3], bare.pl());
    }

    @Test
    void aBlockListingABaseIsOnePositionWithThatAllele() {
        GvcfRecord r = check("c\t121\t.\tG\tT,<NON_REF>\t.\t.\tEND=121\t" + BLOCK + "\t0/1:9:15:9:0,15,150,27,160,190");
        assertEquals(List.of("G", "T"), r.alleles());
        assertEquals(121, r.end());
        assertArrayEquals(new int[] {0, 1}, r.gt());
        assertArrayEquals(new int[] {0, 15, 150, 27, 160, 190}, r.pl());
        assertEquals(9, r.dp());
        assertTrue(r.isAlleleBlock());
    }

    @Test
    void aVariantRecordSpansItsRefAndCarriesItsRawSums() {
        GvcfRecord r = check("c\t122\t.\tGTA\tG,<NON_REF>\t50.5\t.\t" + RAW + "\t" + VARIANT
                + "\t1|0:4,5,0:9:40:60,0,40,72,55,130:2,2,3,2");
        assertEquals(124, r.end());
        assertEquals(50.5, r.qual());
        assertArrayEquals(new int[] {0, 1}, r.gt()); // phased, ascending
        assertArrayEquals(new int[] {4, 5}, r.ad()); // <NON_REF>'s depth dropped
        assertEquals(-1, r.minDp());
        GvcfRecord.RawAnnotations raw = r.raw();
        assertArrayEquals(new int[] {2, 2, 3, 2}, raw.strands());
        assertEquals(93600, raw.mqSquares());
        assertEquals(26, raw.mqCount());
        assertArrayEquals(new int[][] {{60, 2}, {60, 24}}, raw.mqRankSum());
        assertArrayEquals(new int[][] {{14, 1, 71, 1}, {6, 1}}, raw.readPosRankSum());
        assertArrayEquals(new int[][] {{20, 1, 21, 1}, {20, 2, 21, 4}}, raw.baseQRankSum());
        assertNull(raw.heteroplasmy());
    }

    @Test
    void missingAndOddValuesTakeTheirDefaults() {
        // no QUAL, no call, no AD or SB or raw sums; the sample's values stop before GQ and PL
        GvcfRecord r = check("c\t7\t.\tA\tC,<NON_REF>\t.\t.\t.\tGT:DP:GQ:PL\t./.:5");
        assertEquals(-10, r.qual());
        assertArrayEquals(new int[] {-1, -1}, r.gt());
        assertArrayEquals(new int[2], r.ad());
        assertEquals(5, r.dp());
        assertEquals(0, r.gq());
        assertArrayEquals(new int[GenotypeLikelihoods.genotypeCount(3)], r.pl());
        assertArrayEquals(new int[4], r.raw().strands());
        assertArrayEquals(new int[][] {{}, {}}, r.raw().mqRankSum());
        // a key given twice counts its last value; RAW_MQandDP of three values is none; a histogram without '|' is
        // REF's only, after its first character (as before); a flag is no value
        GvcfRecord odd = check("c\t7\t.\tA\tC,<*>\t3\t.\tFLAG;RAW_MQandDP=1,2,3;RAW_MQRankSum=|5,1;"
                + "RAW_BaseQRankSum=70,2;RAW_BaseQRankSum=30,1|31,2;RAW_ReadPosRankSum=14,1\tGT:DP:DP\t1:4:6");
        assertArrayEquals(new int[] {1, 1}, odd.gt());
        assertEquals(6, odd.dp());
        assertEquals(0, odd.raw().mqCount());
        assertEquals(0, odd.raw().mqSquares());
        assertArrayEquals(new int[][] {{}, {5, 1}}, odd.raw().mqRankSum());
        assertArrayEquals(new int[][] {{30, 1}, {31, 2}}, odd.raw().baseQRankSum());
        assertArrayEquals(new int[][] {{}, {4, 1}}, odd.raw().readPosRankSum());
        assertEquals(List.of("A", "C"), odd.alleles());
        GvcfRecord noAlt = check("c\t9\t.\tT\t.\t.\t.\tEND=9\tGT:PL\t0/0:.");
        assertEquals(List.of("T"), noAlt.alleles());
        assertArrayEquals(new int[3], noAlt.pl());
        assertThrows(IllegalArgumentException.class, () -> GvcfLine.record("c\t9\t.\tT\t.\t.\t.\tEND=9\tGT:PL"));
    }

    @Test
    void chrMRecordsCarryTheirHeteroplasmyRows() {
        GvcfRecord r = check("chrM\t300\t.\tA\tG,T,<NON_REF>\t80\t.\tRAW_MQandDP=360000,100\t"
                + "GT:AD:DP:GQ:HPABS:HPF:HPLOD:PL:SB\t0/1:60,30,10:100:99:40.5,12:0.3,0.1:25.25,4:"
                + "900,0,300,700,200,650,950,400,750,990:30,30,20,20");
        assertArrayEquals(new double[][] {{0.3, 0.1}, {25.25, 4}, {40.5, 12}}, r.raw().heteroplasmy());
        assertArrayEquals(new int[] {60, 30, 10}, r.ad());
    }

    /** Random lines of every kind, values missing, repeated or odd: decoded as the decoder before decoded them. */
    @Test
    void randomLinesDecodeAsSplittingThemDid() {
        Random random = new Random(11);
        int favouredCount = 0;
        String[] alts = {"<NON_REF>", "T,<NON_REF>", "G,TT,<NON_REF>", ".", "<*>", "C"};
        for (int n = 0; n < 3000; n++) {
            String alt = alts[random.nextInt(alts.length)];
            int alleles = 2 + (int) alt.chars().filter(ch -> ch == ',').count()
                    - (alt.contains("<") || alt.equals(".") ? 1 : 0);
            boolean block = random.nextBoolean();
            List<String> info = new ArrayList<>();
            if (block) {
                info.add("END=" + (100 + random.nextInt(50)));
            }
            String[] keys = {"DP=3", "RAW_MQandDP=3600,1", "RAW_MQandDP=1", "RAW_MQRankSum=60,2|60,3",
                    "RAW_ReadPosRankSum=4,1", "RAW_BaseQRankSum=|", "RAW_BaseQRankSum=20,1|", "FLAG"};
            for (int k = random.nextInt(4); k > 0; k--) {
                info.add(keys[random.nextInt(keys.length)]);
            }
            java.util.Collections.shuffle(info, random);
            String[][] fields = {{"GT", "0/0", "0|1", "./.", "1", "."}, {"DP", "7", "."}, {"GQ", "30", "."},
                    {"MIN_DP", "4", "."}, {"AD", "3,4,0", "9"}, {"SB", "1,2,3,4"},
                    {"PL", plOf(alleles + 1), ".", "77" + plOf(alleles + 1).substring(1)}};
            List<String> formatKeys = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String[] f : fields) {
                if (random.nextInt(5) > 0) {
                    formatKeys.add(f[0]);
                    values.add(f[1 + random.nextInt(f.length - 1)]);
                }
            }
            int kept = values.isEmpty() ? 0 : random.nextInt(4) == 0 ? random.nextInt(values.size()) : values.size();
            String line = "c\t" + (50 + random.nextInt(50)) + "\t.\t" + (random.nextBoolean() ? "A" : "ACG") + "\t"
                    + alt + "\t" + (random.nextBoolean() ? "." : "12.5") + "\t.\t"
                    + (info.isEmpty() ? "." : String.join(";", info)) + "\t"
                    + (formatKeys.isEmpty() ? "GT" : String.join(":", formatKeys)) + "\t"
                    + (kept == 0 ? "0/0" : String.join(":", values.subList(0, kept)));
            GvcfRecord r = check(line);
            if (r != null) { // plain PLs (or none, or "."): the same answer as the decoded record's
                assertEquals(refLeast(r), favoured(line), line);
                favouredCount += refLeast(r) ? 1 : 0;
            }
        }
        assertTrue(favouredCount > 500 && favouredCount < 2900, "both answers drawn: " + favouredCount);
    }

    private static boolean refLeast(GvcfRecord r) {
        return java.util.Arrays.stream(r.pl()).allMatch(p -> p >= r.pl()[0]);
    }

    private static String plOf(int alleles) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < GenotypeLikelihoods.genotypeCount(alleles); g++) {
            out.add(String.valueOf(g * 10));
        }
        return String.join(",", out);
    }

    @Test
    void whetherHomRefIsAmongTheMostLikelyGenotypesIsReadFromTheLineItself() {
        String block = "c\t41\t.\tC\t<NON_REF>\t.\t.\tEND=120\t";
        assertTrue(favoured(block + BLOCK + "\t0/0:8:21:6:0,21,210"));
        assertTrue(favoured(block + BLOCK + "\t0/1:8:0:6:0,0,210")); // a tie goes to hom-ref
        assertFalse(favoured("c\t57\t.\tT\tG,<NON_REF>\t.\t.\tEND=57\t" + BLOCK + "\t0/1:7:10:7:10,0,164,28,167,194"));
        assertFalse(favoured("c\t57\t.\tT\tG,<NON_REF>\t.\t.\tEND=57\t" + BLOCK + "\t0/0:7:10:7:3,9,164,28,2,194"));
        assertTrue(favoured("c\t100\t.\tC\tT,<NON_REF>\t0\t.\t" + RAW + "\t" + VARIANT
                + "\t0/0:22,2,0:24:15:0,15,339,63,345,393:14,8,2,0"));
        assertFalse(favoured("c\t100\t.\tC\tT,<NON_REF>\t50\t.\t" + RAW + "\t" + VARIANT
                + "\t0/1:12,12,0:24:99:300,0,339,363,345,693:6,6,6,6"));
        // no PL, PL ".", PL past the sample's last value: zeros, as the decoder reads them
        assertTrue(favoured(block + "GT:DP:GQ\t0/0:8:21"));
        assertTrue(favoured(block + BLOCK + "\t0/0:8:21:6:."));
        assertTrue(favoured(block + BLOCK + "\t0/0:8"));
        // the last PL counts, as in the decoder; a value that is no whole number leaves it to the decoder
        assertFalse(favoured(block + "GT:PL:PL\t0/0:0,5,9:7,0,9"));
        assertFalse(favoured(block + BLOCK + "\t0/0:8:21:6:0,-1,210"));
        assertFalse(favoured(block + BLOCK + "\t0/0:8:21:6:0,,210"));
        assertFalse(favoured("c\t41\t.\tC\t<NON_REF>\t.\t.\tEND=120"));
    }

    private static boolean favoured(String line) {
        // inside a longer text, as a stretch holds its lines
        byte[] text = ("x\n" + line + "\ny").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return GvcfLine.refFavoured(text, 2, 2 + line.length());
    }

    /** The line's record, checked field by field against the decoder before's (or its failing as that did). */
    private static GvcfRecord check(String line) {
        GvcfRecord before;
        try {
            before = Before.record(line);
        } catch (RuntimeException e) {
            assertThrows(RuntimeException.class, () -> GvcfLine.record(line), line);
            return null;
        }
        GvcfRecord now = GvcfLine.record(line);
        if (favoured(line)) { // never hom-ref where the decoded PL says otherwise
            assertTrue(refLeast(now), line);
        }
        assertEquals(before.contig(), now.contig(), line);
        assertEquals(before.position(), now.position(), line);
        assertEquals(before.end(), now.end(), line);
        assertEquals(before.alleles(), now.alleles(), line);
        assertEquals(before.qual(), now.qual(), line);
        assertArrayEquals(before.gt(), now.gt(), line);
        assertEquals(before.gq(), now.gq(), line);
        assertArrayEquals(before.pl(), now.pl(), line);
        assertEquals(before.dp(), now.dp(), line);
        assertEquals(before.minDp(), now.minDp(), line);
        assertArrayEquals(before.ad(), now.ad(), line);
        assertEquals(before.raw() == null, now.raw() == null, line);
        if (before.raw() != null) {
            assertArrayEquals(before.raw().strands(), now.raw().strands(), line);
            assertEquals(before.raw().mqSquares(), now.raw().mqSquares(), line);
            assertEquals(before.raw().mqCount(), now.raw().mqCount(), line);
            assertArrayEquals(before.raw().mqRankSum(), now.raw().mqRankSum(), line);
            assertArrayEquals(before.raw().readPosRankSum(), now.raw().readPosRankSum(), line);
            assertArrayEquals(before.raw().baseQRankSum(), now.raw().baseQRankSum(), line);
            assertArrayEquals(before.raw().heteroplasmy(), now.raw().heteroplasmy(), line);
        }
        return now;
    }

    /** The decoder before (main b84830e's GvcfSource.record): the line split into Strings, INFO and FORMAT into maps. */
    private static final class Before {
        static GvcfRecord record(String line) {
            String[] f = split(line, '\t', 10);
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
            int[] pl = plText == null || plText.equals(".") ? new int[GenotypeLikelihoods.genotypeCount(
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
            return new GvcfRecord(f[0], position, position + f[3].length() - 1, alleles, qual, gt, gq, pl, dp, -1,
                    ad, raw(info, g));
        }

        private static int[] genotype(String gt) {
            if (gt.startsWith(".")) {
                return new int[] {-1, -1};
            }
            int sep = Math.max(gt.indexOf('/'), gt.indexOf('|'));
            int[] out = sep < 0 ? new int[] {Integer.parseInt(gt), Integer.parseInt(gt)}
                    : new int[] {Integer.parseInt(gt.substring(0, sep)), Integer.parseInt(gt.substring(sep + 1))};
            java.util.Arrays.sort(out);
            return out;
        }

        private static int integer(String value, int missing) {
            return value == null || value.equals(".") ? missing : Integer.parseInt(value);
        }

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
    }
}
