package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The genotyping model's answers to issue items 5-8 on hand-made fragments: the PCR indel model from the read's own
 * repeat, each read's vote capped at its mapping quality, errors that are not independent, and GT/GQ that agree with
 * PL. A base of quality Q errs with e = 10^(-Q/10); P(base | allele) is 1 - e or e/3.
 */
class EngineModelTest {
    private static CandidateSite snv() {
        return new CandidateSite("chr1", 100, List.of("A", "C"), 100, 0, List.of(), 20);
    }

    private static List<ReadEvidence> reads(String bases, int quality, int mapq) {
        List<ReadEvidence> out = new ArrayList<>();
        for (char b : bases.toCharArray()) {
            out.add(new ReadEvidence("r" + quality + mapq + out.size() + b, new byte[] {(byte) b},
                    new byte[] {(byte) quality}, mapq, false));
        }
        return out;
    }

    private static List<ReadEvidence> concat(List<ReadEvidence> a, List<ReadEvidence> b) {
        List<ReadEvidence> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static VariantCall call(CallingParameters params, List<ReadEvidence> evidence) {
        Pileup pileup = new Pileup(snv(), evidence, evidence.size());
        return new VariantCaller(params).call(pileup, new GenotypeLikelihoodsModel(params).compute(pileup, null));
    }

    // ---- item 5: PCR indel model per read position, from the read's own repeat --------------------------------

    @Test
    void repeatUnitsAreTheReadsOwn() {
        byte[] read = "GATCACACACACGTT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        //             012345678901234: CACACACAC from 3 to 11
        assertEquals(1, PcrIndelModel.repeatUnits(read, 0), "G then A: one unit");
        // at 7 (a C): AC twice back (4-7) and twice forward (8-11), GATK's count of units either side
        assertEquals(4, PcrIndelModel.repeatUnits(read, 7));
        assertEquals(2, PcrIndelModel.repeatUnits(read, 13), "TT");
    }

    @Test
    void gapOpenFollowsGatksCapOfTheRepeat() {
        // max(10, round(40 - exp(n / (3 pi)) + 1)): 40 at 0-3 units, 33 at 20; GATK's default 45 above it
        assertEquals(40, pcrQ(0));
        assertEquals(40, pcrQ(3));
        assertEquals(33, pcrQ(20));
        PcrIndelModel none = new PcrIndelModel(45, 0);
        assertEquals(Math.pow(10, -4.5), none.gapOpen(new byte[] {'A', 'A', 'A'})[1], 1e-15, "NONE: no cap");
    }

    private static int pcrQ(int units) {
        byte[] homopolymer = new byte[Math.max(1, units)];
        java.util.Arrays.fill(homopolymer, (byte) 'A');
        PcrIndelModel model = new PcrIndelModel(45, 3);
        double p = units == 0 ? model.gapOpen(new byte[] {'A', 'C', 'G', 'T'})[1]
                : model.gapOpen(homopolymer)[Math.max(0, units - 1)];
        return (int) Math.round(-10 * Math.log10(p));
    }

    // ---- item 6: each read's vote capped at its own mapping quality ---------------------------------------------

    @Test
    void threeParalogousMapq21ReadsCannotTurnAHomAltIntoAHet() {
        // 23 Q30 reads of C (hom-alt) and three MAPQ-21 reads of A (a paralog). An A read's spread is capped at 2.1
        // log10 (its base quality, capped at MAPQ 21, alone would allow log10(0.992 / (0.0079/3)) = 2.58).
        // het: 26·log10(½) + log10(1e-3) = -10.83; hom-alt: 23·log10(0.999) - 3·2.1 + log10(5e-4) = -9.62: hom-alt.
        // With 2.58 per read the hom-alt would be -11.05 and the het would win.
        CallingParameters independent = TestParams.with("model.errorDependency", "0");
        List<ReadEvidence> evidence = concat(reads("C".repeat(23), 30, 60), reads("AAA", 30, 21));
        Pileup pileup = new Pileup(snv(), evidence, evidence.size());
        ReadLikelihoods rl = new GenotypeLikelihoodsModel(independent).compute(pileup, null);
        assertEquals(2.1, rl.get(23, 0) - rl.get(23, 1), 1e-9, "the A read's spread is its MAPQ");
        VariantCall call = new VariantCaller(independent).call(pileup, rl);
        assertEquals(List.of(1, 1), List.of(call.genotype(0).allele1(), call.genotype(0).allele2()));
    }

    // ---- item 7: errors that are not independent ----------------------------------------------------------------

    @Test
    void aClusterOfLowQualityErrorsIsNotAHet() {
        // 15x: ten Q30 A reads and five C reads at Q15. Independent, each C read favours the het by
        // 0.489 / (0.0316/3) = 10^1.667, five of them 10^8.34; the A reads cost it 10^-3.0, the prior 10^-3: the
        // posterior odds 10^2.34 make a call of QUAL ~23. Dependent (bcftools' 0.17), the C reads' qualities are 15,
        // 13.2, 11.7, 10.5, 9.5, favouring it by 10^6.77 in all: odds 10^0.77, QUAL ~8, below the emission threshold.
        List<ReadEvidence> evidence = concat(reads("AAAAAAAAAA", 30, 60), reads("CCCCC", 15, 60));
        VariantCall independent = call(TestParams.with("model.errorDependency", "0"), evidence);
        assertNotNull(independent);
        assertEquals(23.4, independent.qual(), 0.5);
        assertNull(call(TestParams.defaults(), evidence), "dependent errors: no call");
    }

    @Test
    void aTrueHetWithGoodBasesStaysAHet() {
        VariantCall het = call(TestParams.defaults(), concat(reads("AAAAAAA", 30, 60), reads("CCCCCCC", 30, 60)));
        assertNotNull(het);
        assertEquals(0, het.genotype(0).allele1());
        assertEquals(1, het.genotype(0).allele2());
    }

    @Test
    void dependentErrorsKeepEachBasesBestQuality() {
        DependentErrors d = new DependentErrors(0.17);
        boolean[] forward = new boolean[4];
        double[] q = d.qualities(new byte[] {'C', 'A', 'C', 'C'}, forward, new byte[] {20, 30, 30, 25});
        assertEquals(20 * (0.7 * 0.83 * 0.83 + 0.3), q[0], 1e-9, "third C");
        assertEquals(30, q[1], 1e-9, "the only A");
        assertEquals(30, q[2], 1e-9, "best C");
        assertEquals(25 * (0.7 * 0.83 + 0.3), q[3], 1e-9, "second C");
    }

    @Test
    void dependentErrorsAreRankedPerStrand() {
        // errmod counts the rank per base and strand: C+ C- C+ C- at Q30 are two firsts and two seconds
        DependentErrors d = new DependentErrors(0.17);
        double[] q = d.qualities(new byte[] {'C', 'C', 'C', 'C'}, new boolean[] {false, true, false, true},
                new byte[] {30, 30, 30, 30});
        double second = 30 * (0.7 * 0.83 + 0.3);
        assertArrayEquals(new double[] {30, 30, second, second}, q, 1e-9);
    }

    // ---- item 8: GT is the genotype of PL 0 and GQ the second-smallest PL ---------------------------------------

    @Test
    void genotypeAndQualityComeFromThePhredLikelihoods() {
        // Two C of seven reads at Q20 with the prior 1e-3: PL 0/0 = 10·(7·log10(½) - 2·log10(0.01/3) - 5·log10(0.99))
        // = 10·(-2.107 + 4.954 + 0.022) = 29, so 0/1 is PL 0. GT 0/1 even though the prior alone would have kept it
        // hom-ref in the posterior; GQ = 29, the second-smallest PL; QUAL (posterior) stays low.
        VariantCall call = call(TestParams.with("call.minQual", "0"),
                concat(reads("AAAAA", 20, 60), reads("CC", 20, 60)));
        assertNotNull(call);
        assertEquals(List.of(0, 1), List.of(call.genotype(0).allele1(), call.genotype(0).allele2()));
        List<Integer> pl = call.genotype(0).pl();
        assertEquals(0, (int) pl.get(1));
        assertEquals((int) pl.get(0), call.genotype(0).gq(), "GQ is the next smallest PL: " + pl);
        assertTrue(call.qual() < pl.get(0), "QUAL keeps the prior");
    }

    @Test
    void genotypeQualityIsCappedAt99() {
        assertEquals(99, VariantCaller.qualityOf(new int[] {400, 0, 300}));
        assertEquals(12, VariantCaller.qualityOf(new int[] {139, 12, 0}));
    }
}
