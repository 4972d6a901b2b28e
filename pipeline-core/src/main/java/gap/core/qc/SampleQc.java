package gap.core.qc;

import gap.core.model.ReadCounts;


/**
 * One sample's QC: its pseudonym, role, sex and family pseudonym when a sample sheet gave them (else null), the
 * tally of its reads and the coverage of its callable bases (null when its reads were not read), and the name of
 * the call set holding its genotypes.
 */
public record SampleQc(String sample, String role, String sex, String family, ReadCounts reads,
                       CoverageMetrics coverage, String callSet) {}
