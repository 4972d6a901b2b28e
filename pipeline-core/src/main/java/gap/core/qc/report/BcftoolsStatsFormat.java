package gap.core.qc.report;

import gap.core.GapVersion;
import gap.core.qc.CallSetStats;
import gap.core.qc.SampleVariantCounts;
import java.util.List;

/**
 * Takes a call set's {@link CallSetStats}, gives the text of {@code bcftools stats -s -} (format of bcftools 1.16): the
 * header line MultiQC's bcftools module and {@code plot-vcfstats} recognise, then the sections SN, TSTV, SiS, AF,
 * QUAL, IDD, ST, DP, PSC and PSI with bcftools' column legends, numbers formatted as bcftools prints them. Left out:
 * HWE, and the FS/ICS/ICL sections bcftools writes only when given exons or a reference. The header says gap wrote
 * the file; it names the VCF by file name only, as bcftools does, and carries no date.
 */
public final class BcftoolsStatsFormat {
    private BcftoolsStatsFormat() {}

    /** The text for {@code stats} of the VCF named {@code vcfName} (a file name, never a path). */
    public static String write(CallSetStats stats, String vcfName) {
        StringBuilder out = new StringBuilder();
        out.append("# This file was produced by bcftools stats (1.16 format, written by gap-").append(GapVersion.get())
                .append(") and can be plotted using plot-vcfstats.\n");
        out.append("# The command line was:\tgap (the numbers of: bcftools stats -s - ").append(vcfName).append(")\n");
        out.append("#\n");
        out.append("# Definition of sets:\n# ID\t[2]id\t[3]tab-separated file names\n");
        out.append("ID\t0\t").append(vcfName).append('\n');
        summary(stats, out);
        tstv(stats, out);
        List<CallSetStats.FrequencyBin> frequencies = stats.frequencyBins();
        singletons(frequencies.get(0), out);
        alleleFrequencies(frequencies, out);
        qual(stats, out);
        indels(stats, out);
        substitutions(stats, out);
        depth(stats, out);
        perSample(stats, out);
        return out.toString();
    }

    private static void summary(CallSetStats t, StringBuilder out) {
        out.append("""
                # SN, Summary numbers:
                #   number of records   .. number of data rows in the VCF
                #   number of no-ALTs   .. reference-only sites, ALT is either "." or identical to REF
                #   number of SNPs      .. number of rows with a SNP
                #   number of MNPs      .. number of rows with a MNP, such as CC>TT
                #   number of indels    .. number of rows with an indel
                #   number of others    .. number of rows with other type, for example a symbolic allele or
                #                          a complex substitution, such as ACT>TCGA
                #   number of multiallelic sites     .. number of rows with multiple alternate alleles
                #   number of multiallelic SNP sites .. number of rows with multiple alternate alleles, all SNPs
                #\s
                #   Note that rows containing multiple types will be counted multiple times, in each
                #   counter. For example, a row with a SNP and an indel increments both the SNP and
                #   the indel counter.
                #\s
                # SN\t[2]id\t[3]key\t[4]value
                """);
        row(out, "SN", "0", "number of samples:", t.samples().size());
        row(out, "SN", "0", "number of records:", t.records());
        row(out, "SN", "0", "number of no-ALTs:", t.noAlts());
        row(out, "SN", "0", "number of SNPs:", t.snps());
        row(out, "SN", "0", "number of MNPs:", t.mnps());
        row(out, "SN", "0", "number of indels:", t.indels());
        row(out, "SN", "0", "number of others:", t.others());
        row(out, "SN", "0", "number of multiallelic sites:", t.multiallelic());
        row(out, "SN", "0", "number of multiallelic SNP sites:", t.multiallelicSnps());
    }

    private static void tstv(CallSetStats stats, StringBuilder out) {
        out.append("# TSTV, transitions/transversions:\n# TSTV\t[2]id\t[3]ts\t[4]tv\t[5]ts/tv\t[6]ts (1st ALT)"
                + "\t[7]tv (1st ALT)\t[8]ts/tv (1st ALT)\n");
        long ts = stats.transitions();
        long tv = stats.transversions();
        long ts1 = stats.transitionsFirstAlt();
        long tv1 = stats.transversionsFirstAlt();
        row(out, "TSTV", "0", ts, tv, ratio(ts, tv), ts1, tv1, ratio(ts1, tv1));
    }

    /** bcftools prints {@code (float) a / b} with two decimals, 0 when b is 0. */
    private static String ratio(long a, long b) {
        return CFormat.fixed(b == 0 ? 0 : (double) ((float) a / b), 2);
    }

    private static void singletons(CallSetStats.FrequencyBin s, StringBuilder out) {
        out.append("# SiS, Singleton stats:\n# SiS\t[2]id\t[3]allele count\t[4]number of SNPs"
                + "\t[5]number of transitions\t[6]number of transversions\t[7]number of indels\t[8]repeat-consistent"
                + "\t[9]repeat-inconsistent\t[10]not applicable\n");
        // Without a reference bcftools cannot tell repeat-consistent indels: all are "not applicable".
        row(out, "SiS", "0", 1, s.snps(), s.transitions(), s.transversions(), s.indels(), 0, 0, s.indels());
    }

    private static void alleleFrequencies(List<CallSetStats.FrequencyBin> bins, StringBuilder out) {
        out.append("# AF, Stats by non-reference allele frequency:\n# AF\t[2]id\t[3]allele frequency"
                + "\t[4]number of SNPs\t[5]number of transitions\t[6]number of transversions\t[7]number of indels"
                + "\t[8]repeat-consistent\t[9]repeat-inconsistent\t[10]not applicable\n");
        CallSetStats.FrequencyBin singletons = bins.get(0);
        for (int i = 1; i < bins.size(); i++) {
            // bcftools folds the singletons (bin 0) into the first frequency bin here
            CallSetStats.FrequencyBin b = bins.get(i);
            long snps = b.snps() + (i == 1 ? singletons.snps() : 0);
            long ts = b.transitions() + (i == 1 ? singletons.transitions() : 0);
            long tv = b.transversions() + (i == 1 ? singletons.transversions() : 0);
            long indels = b.indels() + (i == 1 ? singletons.indels() : 0);
            if (snps + ts + tv + indels == 0) {
                continue;
            }
            row(out, "AF", "0", CFormat.fixed((double) (i - 1) / (bins.size() - 1)), snps, ts, tv, indels, 0, 0,
                    indels);
        }
    }

    private static void qual(CallSetStats stats, StringBuilder out) {
        out.append("# QUAL, Stats by quality\n# QUAL\t[2]id\t[3]Quality\t[4]number of SNPs"
                + "\t[5]number of transitions (1st ALT)\t[6]number of transversions (1st ALT)\t[7]number of indels\n");
        for (CallSetStats.QualBin q : stats.qualDistribution()) {
            String quality = Float.isNaN(q.quality()) ? "." : CFormat.fixed(q.quality(), 1);
            row(out, "QUAL", "0", quality, q.transitions() + q.transversions(), q.transitions(), q.transversions(),
                    q.indels());
        }
    }

    private static void indels(CallSetStats stats, StringBuilder out) {
        out.append("# IDD, InDel distribution:\n# IDD\t[2]id\t[3]length (deletions negative)\t[4]number of sites"
                + "\t[5]number of genotypes\t[6]mean VAF\n");
        for (CallSetStats.IndelLength l : stats.indelLengths()) {
            row(out, "IDD", "0", l.length(), l.sites(), l.genotypes(),
                    l.genotypes() == 0 ? "." : CFormat.fixed(l.meanVaf(), 2));
        }
    }

    private static void substitutions(CallSetStats stats, StringBuilder out) {
        out.append("# ST, Substitution types:\n# ST\t[2]id\t[3]type\t[4]count\n");
        stats.substitutions().forEach((type, n) -> row(out, "ST", "0", type, n));
    }

    private static void depth(CallSetStats stats, StringBuilder out) {
        out.append("# DP, Depth distribution\n# DP\t[2]id\t[3]bin\t[4]number of genotypes"
                + "\t[5]fraction of genotypes (%)\t[6]number of sites\t[7]fraction of sites (%)\n");
        List<CallSetStats.DepthBin> bins = stats.depthDistribution();
        long genotypes = bins.stream().mapToLong(CallSetStats.DepthBin::genotypes).sum();
        long sites = bins.stream().mapToLong(CallSetStats.DepthBin::sites).sum();
        for (CallSetStats.DepthBin b : bins) {
            row(out, "DP", "0", b.depth(), b.genotypes(),
                    CFormat.fixed(genotypes == 0 ? 0 : b.genotypes() * 100.0 / genotypes), b.sites(),
                    CFormat.fixed(sites == 0 ? 0 : b.sites() * 100.0 / sites));
        }
    }

    private static void perSample(CallSetStats stats, StringBuilder out) {
        if (stats.samples().isEmpty()) {
            return; // bcftools writes no per-sample sections for a VCF without samples
        }
        out.append("# PSC, Per-sample counts. Note that the ref/het/hom counts include only SNPs, for indels see PSI."
                + " The rest include both SNPs and indels.\n");
        out.append("# PSC\t[2]id\t[3]sample\t[4]nRefHom\t[5]nNonRefHom\t[6]nHets\t[7]nTransitions"
                + "\t[8]nTransversions\t[9]nIndels\t[10]average depth\t[11]nSingletons\t[12]nHapRef\t[13]nHapAlt"
                + "\t[14]nMissing\n");
        for (SampleVariantCounts c : stats.sampleCounts()) {
            row(out, "PSC", "0", c.sample(), c.homRef(), c.homAlt(), c.het(), c.transitions(), c.transversions(),
                    c.indels(), CFormat.fixed(c.meanDepth(), 1), c.singletons(), c.hapRef(), c.hapAlt(),
                    c.missing());
        }
        out.append("# PSI, Per-Sample Indels. Note that alt-het genotypes with both ins and del allele are counted"
                + " twice, in both nInsHets and nDelHets.\n");
        out.append("# PSI\t[2]id\t[3]sample\t[4]in-frame\t[5]out-frame\t[6]not applicable\t[7]out/(in+out) ratio"
                + "\t[8]nInsHets\t[9]nDelHets\t[10]nInsAltHoms\t[11]nDelAltHoms\n");
        for (SampleVariantCounts c : stats.sampleCounts()) {
            // Frame counts need exons (bcftools -E), which gap does not take: zeros, as bcftools writes without them.
            row(out, "PSI", "0", c.sample(), 0, 0, 0, "0.00", c.insertionHets(), c.deletionHets(),
                    c.insertionHomAlts(), c.deletionHomAlts());
        }
    }

    private static void row(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(fields[i]);
        }
        out.append('\n');
    }
}
