/**
 * Rendering of QC: takes a {@code gap.core.qc.QcReport} (the statistics), writes the QC files: bcftools-stats text,
 * the MultiQC table, qc.json and the HTML report with its plots. Nothing here computes a statistic.
 */
package gap.core.qc.report;
