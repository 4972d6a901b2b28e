package gap.core.concordance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end against real bcftools (Debian 1.16): call the slice with {@code bcftools mpileup | call -mv}, then get
 * the expected figures from bcftools alone ({@code norm -a}, {@code norm -m -any -f ref.fa}, non-ref GT, PASS,
 * {@code -T confident.bed}, exact CHROM/POS/REF/ALT match) and require {@link Concordance} to give the same TP, FP,
 * FN and genotype matches per class.
 *
 * <p>The comparison with bcftools is on exact matching ({@link AlleleMatching.Mode#EXACT}); the default run, which also
 * matches left-over alleles by haplotype sequence, must keep every exact match and each side's totals.
 *
 * <p>Two documented differences, handled here rather than hidden:
 * <ul>
 *   <li>bcftools 1.16 {@code norm -a} turns a multi-allelic SNV record (C&gt;T,G with GT 1/2) into records carrying a
 *       {@code *} allele. {@code *} is not a variant and Concordance skips it, so the bcftools side drops it too
 *       ({@code ALT!="*"}).</li>
 *   <li>{@code norm -a} leaves an SNV+indel allele whole (hard1 has two in the slice: CA&gt;T at 126279 and
 *       C&gt;TAGG at 265855), where Concordance decomposes it by its leftmost-gap rule (AC&gt;A + A&gt;T,
 *       T&gt;TGTA + C&gt;G). bcftools call at 15x writes only the indel part of each, so bcftools scores an INDEL FP
 *       and an INDEL FN per event, Concordance an INDEL TP and an SNV FN. Alleles within {@value #WINDOW} bp of such
 *       a whole allele are therefore left out of both sides before comparing; their number is pinned per input so
 *       the exclusion cannot grow unnoticed, and without them the counts of the full run must agree exactly.</li>
 * </ul>
 */
class BcftoolsConcordanceTest {
    private static final String NO_STAR_ALT_GT = "GT=\"alt\" && ALT!=\"*\"";
    private static final int WINDOW = 10;

    @TempDir
    Path dir;

    /** One allele as bcftools leaves it: CHROM, POS, REF, ALT and copy number (1s in the split GT). */
    private record Row(String contig, long pos, String ref, String alt, int copies) {
        String key() {
            return contig + " " + pos + " " + ref + " " + alt;
        }

        /** Neither an SNV nor a pure indel (one allele a single base that the other starts with). */
        boolean complex() {
            boolean snv = ref.length() == 1 && alt.length() == 1;
            boolean pureIndel = (ref.length() == 1 || alt.length() == 1) && ref.charAt(0) == alt.charAt(0);
            return !snv && !pureIndel;
        }

        boolean near(String c, long p) {
            return contig.equals(c) && p >= pos - WINDOW && p <= pos + ref.length() + WINDOW;
        }
    }

    @BeforeAll
    static void needsBcftools() {
        Tools.require("bcftools");
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "trio1_child.bam, trio1_child.truth.vcf.gz, 0",
        // Noisy 250-bp reads, STR indels, MNPs and two SNV+indel alleles in the truth: FPs and FNs of both classes.
        "hard1_proband_15x.bam, hard1_proband.truth.vcf.gz, 2",
        // Another person's calls: many FPs, FNs and genotype mismatches.
        "trio1_father.bam, trio1_child.truth.vcf.gz, 0"})
    void countsEqualBcftoolsNormAndExactMatching(String bam, String truthName, int wholeComplexAlleles)
            throws Exception {
        Path data = ConcordanceFixtures.sampleData();
        Path ref = data.resolve("ref.fa");
        Path bed = data.resolve("confident.bed");
        Path truth = data.resolve(truthName);

        Path pileup = dir.resolve("pileup.bcf");
        Path calls = dir.resolve("calls.vcf.gz");
        bcftools("mpileup", "-f", ref.toString(), "-a", "AD,DP", "-Ou", "-o", pileup.toString(),
                data.resolve(bam).toString());
        bcftools("call", "-mv", "-Oz", "-o", calls.toString(), pileup.toString());

        List<Row> truthRows = bcftoolsAlleles(truth, ref, bed, false, "truth");
        List<Row> callRows = bcftoolsAlleles(calls, ref, bed, true, "calls");
        List<Row> complex = new ArrayList<>();
        truthRows.stream().filter(Row::complex).forEach(complex::add);
        callRows.stream().filter(Row::complex).forEach(complex::add);
        assertEquals(wholeComplexAlleles, complex.size(), () -> "SNV+indel alleles bcftools left whole: " + complex);

        Map<String, Integer> expectedTruth = keep(truthRows, complex);
        Map<String, Integer> expectedCalls = keep(callRows, complex);
        Map<VariantClass, ClassCounts> expected = match(expectedTruth, expectedCalls);

        ConcordanceReport ours;
        ConcordanceReport fullExact;
        try (ReferenceBases reference = ReferenceBases.open(ref)) {
            GenotypedAlleleReader reader = new GenotypedAlleleReader(reference, ConfidentRegions.read(bed));
            GenotypedAlleles ourTruth = keep(reader.read(truth, GenotypedAlleleReader.Side.TRUTH, null), complex);
            GenotypedAlleles ourCalls = keep(reader.read(calls, GenotypedAlleleReader.Side.CALLS, null), complex);
            ours = Concordance.compare(ourTruth, ourCalls,
                    AlleleMatching.match(ourTruth, ourCalls, reference, AlleleMatching.Mode.EXACT), "test", false);
            GenotypedAlleles allTruth = reader.read(truth, GenotypedAlleleReader.Side.TRUTH, null);
            GenotypedAlleles allCalls = reader.read(calls, GenotypedAlleleReader.Side.CALLS, null);
            fullExact = Concordance.compare(allTruth, allCalls,
                    AlleleMatching.match(allTruth, allCalls, reference, AlleleMatching.Mode.EXACT), "test", false);
        }
        ConcordanceReport full = Concordance.run(new Concordance.Inputs(truth, calls, ref, bed, null, null));
        Map<VariantClass, ClassCounts> bcftoolsFull = match(keep(truthRows, List.of()), keep(callRows, List.of()));
        for (VariantClass c : VariantClass.values()) {
            System.out.printf("%s vs %s %s: ours %s (exact only %s), bcftools %s; outside SNV+indel windows, exact:"
                    + " ours %s, bcftools %s%n", bam, truthName, c, full.of(c), fullExact.of(c), bcftoolsFull.get(c),
                    ours.of(c), expected.get(c));
            assertEquals(expected.get(c), ours.of(c), c + " counts (tp, fp, fn, genotype matches)");
            if (complex.isEmpty()) {
                assertEquals(expected.get(c), fullExact.of(c), c + " counts of the full run, exact matching");
            }
            // Haplotype matching only moves left-over alleles from FP/FN to TP: the totals of each side stay.
            ClassCounts h = full.of(c);
            ClassCounts e = fullExact.of(c);
            assertEquals(e.truthTotal(), h.truthTotal(), c + " truth alleles");
            assertEquals(e.callsTotal(), h.callsTotal(), c + " call alleles");
            assertTrue(h.tp() >= e.tp() && h.tpCalls() >= e.tpCalls() && h.genotypeMatches() >= e.genotypeMatches(),
                    c + " haplotype matching keeps every exact match");
        }
        assertTrue(ours.of(VariantClass.SNV).tp() > 100 && ours.of(VariantClass.INDEL).tp() > 10);
    }

    /** The alleles bcftools keeps for one side. */
    private List<Row> bcftoolsAlleles(Path vcf, Path ref, Path bed, boolean passOnly, String tag) throws Exception {
        Path in = vcf;
        if (passOnly) {
            in = dir.resolve(tag + ".pass.bcf");
            bcftools("view", "-f", "PASS,.", "-Ou", "-o", in.toString(), vcf.toString());
        }
        Path atomized = dir.resolve(tag + ".atomized.bcf");
        Path split = dir.resolve(tag + ".split.bcf");
        Path kept = dir.resolve(tag + ".kept.bcf");
        bcftools("norm", "-a", "-Ou", "-o", atomized.toString(), in.toString());
        bcftools("norm", "-m", "-any", "-f", ref.toString(), "-Ou", "-o", split.toString(), atomized.toString());
        bcftools("view", "-i", NO_STAR_ALT_GT, "-T", bed.toString(), "-Ou", "-o", kept.toString(), split.toString());
        String table = bcftools("query", "-f", "%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n", kept.toString());
        List<Row> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t");
                int copies = (int) f[4].chars().filter(ch -> ch == '1').count();
                rows.add(new Row(f[0], Long.parseLong(f[1]), f[2], f[3], copies));
            }
        }
        return rows;
    }

    /** Rows away from every excluded allele, as key to copy number (summed, capped at 2 as Concordance does). */
    private static Map<String, Integer> keep(List<Row> rows, List<Row> excluded) {
        Map<String, Integer> out = new HashMap<>();
        rows.stream().filter(r -> excluded.stream().noneMatch(x -> x.near(r.contig(), r.pos())))
                .forEach(r -> out.merge(r.key(), r.copies(), (x, y) -> Math.min(2, x + y)));
        return out;
    }

    private static GenotypedAlleles keep(GenotypedAlleles side, List<Row> excluded) {
        Map<AtomicAllele, Integer> copies = new HashMap<>(side.copies());
        copies.keySet().removeIf(a -> excluded.stream().anyMatch(x -> x.near(a.contig(), a.pos())));
        return new GenotypedAlleles(copies, side.records(), side.filteredRecords(), side.skippedSymbolic(),
                side.outsideConfident());
    }

    private static Map<VariantClass, ClassCounts> match(Map<String, Integer> truth, Map<String, Integer> calls) {
        Map<VariantClass, int[]> t = new EnumMap<>(VariantClass.class);
        for (VariantClass c : VariantClass.values()) {
            t.put(c, new int[4]);
        }
        calls.forEach((key, copies) -> {
            int[] k = t.get(classOf(key));
            Integer truthCopies = truth.get(key);
            if (truthCopies == null) {
                k[1]++;
            } else {
                k[0]++;
                k[3] += truthCopies.equals(copies) ? 1 : 0;
            }
        });
        truth.keySet().stream().filter(key -> !calls.containsKey(key)).forEach(key -> t.get(classOf(key))[2]++);
        Map<VariantClass, ClassCounts> out = new EnumMap<>(VariantClass.class);
        t.forEach((c, k) -> out.put(c, new ClassCounts(k[0], k[1], k[2], k[3])));
        return out;
    }

    private static VariantClass classOf(String key) {
        String[] f = key.split(" ");
        return VariantClass.of(f[2], f[3]);
    }

    private String bcftools(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bcftools"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "bcftools", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertEquals(0, exit, () -> String.join(" ", command) + " failed: " + readQuietly(err));
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no stderr)";
        }
    }
}
