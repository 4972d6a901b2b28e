package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ploidy-aware calling on a synthetic reference with chrX, chrY and their PARs ({@link SyntheticGenome}; PARs given
 * with {@code ploidy.parRegions}, as for any build other than GRCh37/38): a male's X outside the PARs and his Y are
 * called haploid ({@code GT 1}, never a het), his PAR diploid; a female's X diploid and her Y not at all; chrM is
 * haploid with its heteroplasmy in FORMAT/AF, reported from 3 %; a sample sheet whose sex the reads contradict is a
 * warning and X and Y are called diploid; an unknown sex is taken from the reads; and in a trio a son's X comes from
 * his mother alone, so the father's X allele in a son is de novo.
 */
class PloidyTest {
    @TempDir
    static Path tmp;
    static SyntheticGenome genome;
    static Path reference;
    static Path female;
    static Path male;
    static Path son;

    // positions (1-based) of the planted SNVs
    static final int[] AUTOSOMAL_HET = {20_000, 50_000, 90_000};
    static final int[] FEMALE_X_HET = {22_000, 35_000, 48_000};
    static final int FEMALE_X_HOM = 41_000;
    static final int[] MALE_X_HEMIZYGOUS = {25_000, 38_000, 52_000};
    static final int MALE_PAR_HET = 5_000;
    static final int[] MALE_Y = {15_000, 24_000};
    static final int FATHER_X_IN_SON = 44_000; // impossible by inheritance: a son's X is his mother's
    static final int MITO_100 = 3_000;
    static final int MITO_20 = 6_000;
    static final int MITO_5 = 9_000;
    static final int MITO_1 = 12_000;

    @BeforeAll
    static void genomesAndReads() {
        genome = new SyntheticGenome(20);
        reference = genome.writeReference(tmp.resolve("ref"));
        female = genome.writeBam(tmp, "female", "FEMALE-ID-01", femaleCopies(), 1);
        male = genome.writeBam(tmp, "male", "MALE-ID-02", maleCopies(false), 2);
        son = genome.writeBam(tmp, "son", "SON-ID-03", sonCopies(), 3);
    }

    private static Map<Integer, Character> snvs(String contig, int... positions) {
        Map<Integer, Character> m = new HashMap<>();
        for (int p : positions) {
            m.put(p, genome.alt(contig, p));
        }
        return m;
    }

    private static List<SyntheticGenome.Copy> autosomesAndMito(int[] het) {
        List<SyntheticGenome.Copy> c = new ArrayList<>();
        c.add(new SyntheticGenome.Copy("chr1", snvs("chr1", het), 15));
        c.add(new SyntheticGenome.Copy("chr1", Map.of(), 15));
        c.add(new SyntheticGenome.Copy("chr2", Map.of(), 30));
        // chrM at 400x in three lineages: the 100 % allele in all, the 20 %, 5 % and 1 % ones in parts
        c.add(new SyntheticGenome.Copy("chrM", snvs("chrM", MITO_100), 400 * 0.74));
        c.add(new SyntheticGenome.Copy("chrM", snvs("chrM", MITO_100, MITO_20), 400 * 0.20));
        c.add(new SyntheticGenome.Copy("chrM", snvs("chrM", MITO_100, MITO_5), 400 * 0.05));
        c.add(new SyntheticGenome.Copy("chrM", snvs("chrM", MITO_100, MITO_1), 400 * 0.01));
        return c;
    }

    static List<SyntheticGenome.Copy> femaleCopies() {
        List<SyntheticGenome.Copy> c = autosomesAndMito(AUTOSOMAL_HET);
        Map<Integer, Character> x1 = snvs("chrX", FEMALE_X_HET);
        x1.putAll(snvs("chrX", FEMALE_X_HOM));
        c.add(new SyntheticGenome.Copy("chrX", x1, 15));
        c.add(new SyntheticGenome.Copy("chrX", snvs("chrX", FEMALE_X_HOM), 15));
        return c;
    }

    static List<SyntheticGenome.Copy> maleCopies(boolean withSonAllele) {
        List<SyntheticGenome.Copy> c = autosomesAndMito(new int[] {30_000});
        Map<Integer, Character> x = snvs("chrX", MALE_X_HEMIZYGOUS);
        if (withSonAllele) {
            x.putAll(snvs("chrX", FATHER_X_IN_SON));
        }
        c.add(new SyntheticGenome.Copy("chrX", x, 15));
        // the Y's PAR copy: reads align to X's PAR (Y's is N in the reference)
        c.add(new SyntheticGenome.Copy("chrX", snvs("chrX", MALE_PAR_HET), 15, 1, SyntheticGenome.PAR));
        c.add(new SyntheticGenome.Copy("chrY", snvs("chrY", MALE_Y), 15, SyntheticGenome.PAR + 1, 30_000));
        return c;
    }

    /** The son of the female and a father who carries FATHER_X_IN_SON on his X: the son has it too. */
    static List<SyntheticGenome.Copy> sonCopies() {
        List<SyntheticGenome.Copy> c = autosomesAndMito(new int[] {20_000});
        Map<Integer, Character> x = snvs("chrX", FEMALE_X_HET); // his mother's first X
        x.putAll(snvs("chrX", FEMALE_X_HOM));
        x.putAll(snvs("chrX", FATHER_X_IN_SON));
        c.add(new SyntheticGenome.Copy("chrX", x, 15));
        c.add(new SyntheticGenome.Copy("chrX", snvs("chrX", MALE_PAR_HET), 15, 1, SyntheticGenome.PAR));
        c.add(new SyntheticGenome.Copy("chrY", snvs("chrY", MALE_Y), 15, SyntheticGenome.PAR + 1, 30_000));
        return c;
    }

    static Path sheet(String name, String... rows) throws IOException {
        StringBuilder s = new StringBuilder("patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n");
        for (String r : rows) {
            s.append(r).append('\n');
        }
        Path p = tmp.resolve(name + ".tsv");
        Files.writeString(p, s);
        return p;
    }

    static Cli.Result call(Path out, Path sheet, String... extra) {
        List<String> a = new ArrayList<>(List.of("call", "-R", reference.toString(), "--sample-sheet",
                sheet.toString(), "-O", out.toString(), "--threads", "2", "--no-qc", "--set",
                SyntheticGenome.PAR_SETTING));
        a.addAll(TestKeys.options(tmp.resolve("keys")));
        a.addAll(List.of(extra));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    /** Each record's genotypes by sample column order, keyed by contig:position. */
    static Map<String, List<Genotype>> calls(Path out) throws IOException {
        Path vcf;
        try (var list = Files.list(out)) {
            vcf = list.filter(p -> p.toString().endsWith(".vcf.gz")).findFirst().orElseThrow();
        }
        Map<String, List<Genotype>> m = new HashMap<>();
        try (VCFFileReader r = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : r) {
                m.put(vc.getContig() + ":" + vc.getStart(), new ArrayList<>(vc.getGenotypes()));
            }
        }
        return m;
    }

    static final String FEMALE_ROW = "F1-ID\tMRN-F1\tind_f1\tfam\tmother\tfemale\tfemale.bam";
    static final String MALE_ROW = "M1-ID\tMRN-M1\tind_m2\tfam\tfather\tmale\tmale.bam";

    @Test
    void maleHemizygousFemaleDiploidParDiploid() throws IOException {
        Path out = tmp.resolve("pair");
        call(out, sheet("pair", FEMALE_ROW.replace("F1-ID", "FEMALE-ID-01"), MALE_ROW.replace("M1-ID", "MALE-ID-02")));
        Map<String, List<Genotype>> calls = calls(out);
        for (int p : MALE_X_HEMIZYGOUS) {
            Genotype m = calls.get("chrX:" + p).get(1);
            assertEquals(1, m.getPloidy(), "male X outside the PAR is haploid: " + m);
            assertTrue(m.getAllele(0).isNonReference(), m.toString());
        }
        for (int p : FEMALE_X_HET) {
            Genotype f = calls.get("chrX:" + p).get(0);
            assertTrue(f.isHet() && f.getPloidy() == 2, "female X het: " + f);
            assertEquals(1, calls.get("chrX:" + p).get(1).getPloidy(), "the male's genotype there is haploid");
        }
        Genotype hom = calls.get("chrX:" + FEMALE_X_HOM).get(0);
        assertTrue(hom.isHomVar() && hom.getPloidy() == 2, hom.toString());
        Genotype par = calls.get("chrX:" + MALE_PAR_HET).get(1);
        assertTrue(par.isHet() && par.getPloidy() == 2, "the male's PAR is diploid: " + par);
        for (int p : MALE_Y) {
            List<Genotype> y = calls.get("chrY:" + p);
            assertEquals(1, y.get(1).getPloidy());
            assertTrue(y.get(1).getAllele(0).isNonReference(), y.get(1).toString());
            assertTrue(y.get(0).isNoCall(), "the female is not called on chrY: " + y.get(0));
        }
        for (Map.Entry<String, List<Genotype>> e : calls.entrySet()) {
            int pos = Integer.parseInt(e.getKey().substring(e.getKey().indexOf(':') + 1));
            if (e.getKey().startsWith("chrX") && pos > SyntheticGenome.PAR) {
                assertFalse(e.getValue().get(1).isHet(), "no male het on X outside the PAR: " + e);
            }
        }
    }

    @Test
    void aFemaleAloneHasNoChrYCalls() throws IOException {
        Path out = tmp.resolve("female-alone");
        call(out, sheet("female-alone", FEMALE_ROW.replace("F1-ID", "FEMALE-ID-01")));
        assertTrue(calls(out).keySet().stream().noneMatch(k -> k.startsWith("chrY")));
    }

    @Test
    void mitochondrialHeteroplasmyIsMeasuredAndReportedFromThreePerCent() throws IOException {
        Path out = tmp.resolve("mito");
        call(out, sheet("mito", FEMALE_ROW.replace("F1-ID", "FEMALE-ID-01")), "-L", "chrM");
        Map<String, List<Genotype>> calls = calls(out);
        Map<Integer, Double> truth = Map.of(MITO_100, 1.0, MITO_20, 0.20, MITO_5, 0.05);
        for (Map.Entry<Integer, Double> t : truth.entrySet()) {
            Genotype g = calls.get("chrM:" + t.getKey()).get(0);
            assertEquals(1, g.getPloidy(), g.toString());
            assertTrue(g.getAllele(0).isNonReference(), g.toString());
            double af = Double.parseDouble(g.getExtendedAttribute("AF").toString());
            // 400x: a binomial SD of 0.011 at 5 %, 0.020 at 20 %
            assertEquals(t.getValue(), af, t.getValue() == 1.0 ? 0.01 : 3.5 * Math.sqrt(t.getValue()
                    * (1 - t.getValue()) / 400), "heteroplasmy at chrM:" + t.getKey());
        }
        assertFalse(calls.containsKey("chrM:" + MITO_1), "1 % is below the 3 % reported");
    }

    @Test
    void aSheetTheReadsContradictIsAWarningAndXIsCalledDiploid() throws IOException {
        Path out = tmp.resolve("swap");
        Cli.Result r = call(out, sheet("swap", MALE_ROW.replace("M1-ID", "MALE-ID-02").replace("\tmale\tmale.bam",
                "\tfemale\tmale.bam")));
        String warning = r.stderrLines().stream().filter(l -> l.contains("WARN")).findFirst().orElse("");
        assertTrue(warning.contains("the sample sheet says female, its reads say XY"), r.stderr());
        assertTrue(warning.contains("sample swap or a sex-chromosome aneuploidy"), warning);
        assertFalse(r.stderr().contains("MALE-ID-02"), "pseudonyms only");
        Genotype g = calls(out).get("chrX:" + MALE_X_HEMIZYGOUS[0]).get(0);
        assertEquals(2, g.getPloidy(), "X called diploid when the sex is in doubt: " + g);
    }

    @Test
    void anUnknownSexIsReadFromTheReads() throws IOException {
        Path out = tmp.resolve("unknown");
        Cli.Result r = call(out, sheet("unknown", MALE_ROW.replace("M1-ID", "MALE-ID-02").replace("\tmale\tmale.bam",
                "\tunknown\tmale.bam")));
        assertTrue(r.stderr().contains("sex male from its reads, XY"), r.stderr());
        assertEquals(1, calls(out).get("chrX:" + MALE_X_HEMIZYGOUS[0]).get(0).getPloidy());
    }

    @Test
    void aSonsXComesFromHisMother() throws IOException {
        // the father carries FATHER_X_IN_SON on his X; the son has it, his mother does not: a father gives his X to
        // daughters only, so in the son it is de novo (autosomal rules would have it inherited, DNQ near 0)
        Path fatherBam = genome.writeBam(tmp, "father", "FATHER-ID-04", maleCopies(true), 4);
        assertNotNull(fatherBam);
        Path sheet = sheet("trio", "MOTHER-ID\tMRN-1\tind_f1\tfam\tmother\tfemale\tfemale.bam".replace("MOTHER-ID",
                "FEMALE-ID-01"), "FATHER-ID-04\tMRN-2\tind_p4\tfam\tfather\tmale\tfather.bam",
                "SON-ID-03\tMRN-3\tind_s3\tfam\tproband\tmale\tson.bam");
        Path ped = tmp.resolve("trio.ped");
        Files.writeString(ped, "fam\tind_p4\t0\t0\t1\t1\nfam\tind_f1\t0\t0\t2\t1\nfam\tind_s3\tind_p4\tind_f1\t1\t2\n");
        Path out = tmp.resolve("trio");
        call(out, sheet, "--pedigree", ped.toString());
        Map<String, List<Genotype>> calls = calls(out);
        Genotype sonDeNovo = calls.get("chrX:" + FATHER_X_IN_SON).get(2);
        assertEquals(1, sonDeNovo.getPloidy());
        int dnq = Integer.parseInt(sonDeNovo.getExtendedAttribute("DNQ").toString());
        assertTrue(dnq >= 20, "the father's X allele in his son is de novo: DNQ " + dnq);
        // an X allele the son has from his mother: inherited, DNQ 0
        Genotype inherited = calls.get("chrX:" + FEMALE_X_HET[0]).get(2);
        assertEquals(1, inherited.getPloidy());
        assertEquals(0, Integer.parseInt(inherited.getExtendedAttribute("DNQ").toString()), inherited.toString());
        // Y from the father: inherited
        Genotype y = calls.get("chrY:" + MALE_Y[0]).get(2);
        assertEquals(0, Integer.parseInt(y.getExtendedAttribute("DNQ").toString()), y.toString());
    }
}
