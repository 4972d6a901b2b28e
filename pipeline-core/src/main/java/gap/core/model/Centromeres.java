package gap.core.model;

import java.util.Locale;

/**
 * Takes a contig's name and length, gives its centromere (1-based inclusive) when it is a chromosome of GRCh37 or
 * GRCh38, recognised by name ({@code 18}, {@code chr18}, {@code X}, …) and exact length, as {@link Ploidy} recognises
 * the PARs; otherwise none, so the contig has no arms (a slice, a decoy, another species).
 */
public final class Centromeres {
    /** A chromosome's centromere, 1-based inclusive: the p arm ends before {@code start}, the q arm after {@code end}. */
    public record Centromere(int start, int end) {}

    /*
     * Per chromosome 1..22, X, Y: length, then the centromere as UCSC gives it (0-based start, end): GRCh37 from
     * hg19's gap table (type centromere), GRCh38 from hg38's centromeres table (first start, last end of the modelled
     * centromere). The lengths are the builds' own (the same as Ploidy's X and Y).
     */
    private static final long[][] GRCH37 = {
            {249_250_621, 121_535_434, 124_535_434}, {243_199_373, 92_326_171, 95_326_171},
            {198_022_430, 90_504_854, 93_504_854}, {191_154_276, 49_660_117, 52_660_117},
            {180_915_260, 46_405_641, 49_405_641}, {171_115_067, 58_830_166, 61_830_166},
            {159_138_663, 58_054_331, 61_054_331}, {146_364_022, 43_838_887, 46_838_887},
            {141_213_431, 47_367_679, 50_367_679}, {135_534_747, 39_254_935, 42_254_935},
            {135_006_516, 51_644_205, 54_644_205}, {133_851_895, 34_856_694, 37_856_694},
            {115_169_878, 16_000_000, 19_000_000}, {107_349_540, 16_000_000, 19_000_000},
            {102_531_392, 17_000_000, 20_000_000}, {90_354_753, 35_335_801, 38_335_801},
            {81_195_210, 22_263_006, 25_263_006}, {78_077_248, 15_460_898, 18_460_898},
            {59_128_983, 24_681_782, 27_681_782}, {63_025_520, 26_369_569, 29_369_569},
            {48_129_895, 11_288_129, 14_288_129}, {51_304_566, 13_000_000, 16_000_000},
            {155_270_560, 58_632_012, 61_632_012}, {59_373_566, 10_104_553, 13_104_553}};
    private static final long[][] GRCH38 = {
            {248_956_422, 122_026_459, 124_932_724}, {242_193_529, 92_188_145, 94_090_557},
            {198_295_559, 90_772_458, 93_655_574}, {190_214_555, 49_712_061, 51_743_951},
            {181_538_259, 46_485_900, 50_059_807}, {170_805_979, 58_553_888, 59_829_934},
            {159_345_973, 58_169_653, 61_528_020}, {145_138_636, 44_033_744, 45_877_265},
            {138_394_717, 43_389_635, 45_518_558}, {133_797_422, 39_686_682, 41_593_521},
            {135_086_622, 51_078_348, 54_425_074}, {133_275_309, 34_769_407, 37_185_252},
            {114_364_328, 16_000_000, 18_051_248}, {107_043_718, 16_000_000, 18_173_523},
            {101_991_189, 17_083_673, 19_725_254}, {90_338_345, 36_311_158, 38_265_669},
            {83_257_441, 22_813_679, 26_616_164}, {80_373_285, 15_460_899, 20_861_206},
            {58_617_616, 24_498_980, 27_190_874}, {64_444_167, 26_436_232, 30_038_348},
            {46_709_983, 10_864_560, 12_915_808}, {50_818_468, 12_954_788, 15_054_318},
            {156_040_895, 58_605_579, 62_412_542}, {57_227_415, 10_316_944, 10_544_039}};

    private Centromeres() {}

    /** The centromere of {@code contig} of {@code length} bases, or null when it is no GRCh37/GRCh38 chromosome. */
    public static Centromere of(String contig, long length) {
        int index = chromosomeIndex(contig);
        if (index < 0) {
            return null;
        }
        for (long[][] build : new long[][][] {GRCH37, GRCH38}) {
            long[] c = build[index];
            if (c[0] == length) {
                return new Centromere((int) c[1] + 1, (int) c[2]);
            }
        }
        return null;
    }

    /** 0..21 for chromosomes 1..22, 22 for X, 23 for Y, with or without "chr"; -1 for any other name. */
    static int chromosomeIndex(String contig) {
        String c = contig.toLowerCase(Locale.ROOT);
        if (c.startsWith("chr")) {
            c = c.substring(3);
        }
        if (c.equals("x")) {
            return 22;
        }
        if (c.equals("y")) {
            return 23;
        }
        if (!c.matches("[1-9][0-9]?")) {
            return -1;
        }
        int n = Integer.parseInt(c);
        return n <= 22 ? n - 1 : -1;
    }
}
