package gap.core.qc;

import gap.core.model.Filters;
import gap.core.somatic.SomaticSite;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The somatic section of a run's QC: the tumour's (and normal's) pseudonym, the mode, PASS SNVs and indels, the
 * allele-fraction histogram of the PASS calls (tumour AF, bins of {@value #AF_BIN}), the mutation spectrum of the
 * PASS SNVs in the 96 channels of six substitution classes (pyrimidine REF) by trinucleotide context, where a lab
 * reads oxoG (C>A) and APOBEC (C>T and C>G at TCW) signatures, FILTER counts, the contamination estimate, and the
 * purity estimated from the somatic spectrum: twice the allele fraction of its heaviest cluster, which is the clonal
 * heterozygous mutations' in a diploid tumour (NaN when the spectrum has no cluster).
 */
public record SomaticQc(String tumour, String normal, String mode, long passSnvs, long passIndels, long[] afHistogram,
                        long[] spectrum, Map<String, Long> filters, double contamination, double contaminationError,
                        double purity) {
    public static final double AF_BIN = 0.05;
    /** The six substitution classes, REF a pyrimidine, in the order of COSMIC's SBS96. */
    public static final List<String> CLASSES = List.of("C>A", "C>G", "C>T", "T>A", "T>C", "T>G");
    private static final String BASES = "ACGT";

    public SomaticQc {
        afHistogram = afHistogram.clone();
        spectrum = spectrum.clone();
        filters = Map.copyOf(filters);
    }

    /**
     * The section of a run's sites; {@code filters} per site, {@code clusters} the spectrum's
     * (allele fraction, weight) heaviest first.
     */
    public static SomaticQc of(String tumour, String normal, List<SomaticSite> sites, List<Filters> filters,
                               double contamination, double contaminationError, List<double[]> clusters) {
        long[] histogram = new long[(int) Math.round(1 / AF_BIN)];
        long[] spectrum = new long[96];
        long snvs = 0;
        long indels = 0;
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < sites.size(); i++) {
            SomaticSite s = sites.get(i);
            Filters failed = filters.get(i);
            if (!failed.isPass()) {
                failed.names().forEach(f -> counts.merge(f, 1L, Long::sum));
                continue;
            }
            counts.merge(Filters.PASS_NAME, 1L, Long::sum);
            int b = s.bestAlt();
            double af = s.tumour().af()[b - 1];
            histogram[Math.min(histogram.length - 1, (int) (af / AF_BIN))]++;
            if (s.isSnv(b)) {
                snvs++;
                int channel = channel(s.context(), s.alleles().get(b).charAt(0));
                if (channel >= 0) {
                    spectrum[channel]++;
                }
            } else {
                indels++;
            }
        }
        double purity = clusters.isEmpty() ? Double.NaN : Math.min(1, 2 * clusters.get(0)[0]);
        return new SomaticQc(tumour, normal, normal == null ? "tumour-only" : "tumour-normal", snvs, indels,
                histogram, spectrum, counts, contamination, contaminationError, purity);
    }

    /**
     * The SBS96 channel of a substitution in its trinucleotide {@code context} (5' base, REF, 3' base): the
     * reverse complement when REF is a purine; class × 16 + 5' base × 4 + 3' base; -1 with an N.
     */
    static int channel(String context, char alt) {
        if (context.length() != 3) {
            return -1;
        }
        String c = context;
        char a = alt;
        if (c.charAt(1) == 'G' || c.charAt(1) == 'A') {
            c = "" + complement(c.charAt(2)) + complement(c.charAt(1)) + complement(c.charAt(0));
            a = complement(a);
        }
        int cls = CLASSES.indexOf(c.charAt(1) + ">" + a);
        int five = BASES.indexOf(c.charAt(0));
        int three = BASES.indexOf(c.charAt(2));
        return cls < 0 || five < 0 || three < 0 ? -1 : cls * 16 + five * 4 + three;
    }

    /** The name of a channel, COSMIC's: {@code A[C>A]A}. */
    public static String channelName(int channel) {
        return BASES.charAt(channel % 16 / 4) + "[" + CLASSES.get(channel / 16) + "]" + BASES.charAt(channel % 4);
    }

    /** PASS SNVs of one of the six classes. */
    public long classCount(int cls) {
        long n = 0;
        for (int i = cls * 16; i < cls * 16 + 16; i++) {
            n += spectrum[i];
        }
        return n;
    }

    @Override
    public long[] afHistogram() {
        return afHistogram.clone();
    }

    @Override
    public long[] spectrum() {
        return spectrum.clone();
    }

    private static char complement(char b) {
        return switch (b) {
            case 'A' -> 'T';
            case 'C' -> 'G';
            case 'G' -> 'C';
            case 'T' -> 'A';
            default -> 'N';
        };
    }
}
