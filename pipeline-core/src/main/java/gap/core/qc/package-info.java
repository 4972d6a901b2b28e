/**
 * QC statistics: per call set (bcftools stats' numbers, from gap's calls or any VCF), per sample (read tallies,
 * coverage, genotype counts) and per family (Mendelian checks, relatedness), gathered in a {@link QcReport}. The
 * files are written by {@code gap.core.qc.report}.
 */
package gap.core.qc;
