package gap.core.privacy;

import java.util.Objects;

/**
 * One row of {@code samples.parquet}: a sample's pseudonym, its patient's pseudonym, the patient's identifier and
 * MRN and the lab's own name of the sample (sample_alias, or the reads' {@code @RG SM} without a sheet; all three
 * stored encrypted under the clinician column key), sex, role in the family, and the family's pseudonym.
 * The identifiers are {@code null} when read without the clinician key, {@code mrn} also when the sample has none
 * (reads given without a sample sheet).
 */
public record SampleRow(String sampleId, String patientPseudonym, String patientId, String mrn, String sampleAlias,
                        String sex, String role, String familyId) {
    public SampleRow {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(patientPseudonym, "patientPseudonym");
    }

    /** Without the identifiers: a record's default toString would print them into any log or message it reaches. */
    @Override
    public String toString() {
        return "SampleRow[sampleId=" + sampleId + ", patientPseudonym=" + patientPseudonym + ", patientId="
                + hidden(patientId) + ", mrn=" + hidden(mrn) + ", sampleAlias=" + hidden(sampleAlias)
                + ", sex=" + sex + ", role=" + role + ", familyId=" + familyId + "]";
    }

    private static String hidden(String identifier) {
        return identifier == null ? "null" : "<hidden>";
    }
}
