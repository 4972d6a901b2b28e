package gap.core.qc;

/** One call set: its name (a pseudonym), the file name of its VCF, and its statistics. */
public record CallSetQc(String name, String vcfName, CallSetStats stats) {}
