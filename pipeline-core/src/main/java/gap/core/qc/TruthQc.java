package gap.core.qc;

import gap.core.concordance.ConcordanceReport;

/** One sample's accuracy against a truth set, as {@code gap concordance} scores it. */
public record TruthQc(String sample, ConcordanceReport report) {}
