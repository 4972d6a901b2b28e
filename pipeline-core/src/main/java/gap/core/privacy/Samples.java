package gap.core.privacy;

import gap.core.UserException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Takes a run's inputs — a sample sheet, or one reads file whose {@code @RG SM} names the sample — gives its samples
 * under pseudonyms, and registers every identifier (patient id, MRN, sample alias, family id, SM, input paths) with
 * the {@link Redactor} the moment it is known, before anything can print it.
 */
public final class Samples {

    /** One sample as the rest of the pipeline sees it: pseudonyms, role and sex, and where its reads are. */
    public record Sample(String id, String patientPseudonym, String familyPseudonym, String role, String sex,
                         Path reads, String source) {
        // Written out: a record's generated equals and hashCode assemble method handles at their first call, about
        // a hundredth of a second of every run for this one, which is a map key.
        @Override
        public boolean equals(Object o) {
            return o instanceof Sample s && Objects.equals(id, s.id)
                    && Objects.equals(patientPseudonym, s.patientPseudonym)
                    && Objects.equals(familyPseudonym, s.familyPseudonym) && Objects.equals(role, s.role)
                    && Objects.equals(sex, s.sex) && Objects.equals(reads, s.reads) && Objects.equals(source, s.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, patientPseudonym, familyPseudonym, role, sex, reads, source);
        }
    }

    /** A sample with what identifies it, for the encrypted samples table only. */
    private record Identified(Sample sample, String sampleIdentity, String patientId, String mrn) {}

    private final List<Identified> samples;
    private final String callSetId;

    private Samples(List<Identified> samples, Pseudonymiser pseudonymiser) {
        this.samples = List.copyOf(samples);
        this.callSetId = callSetId(this.samples, pseudonymiser);
    }

    /**
     * What the joint call set of these samples is named: the sample's pseudonym for one sample, the family's for
     * samples of one family, else the pseudonym of the set of samples (the same set gives the same name).
     */
    private static String callSetId(List<Identified> samples, Pseudonymiser pseudonymiser) {
        if (samples.size() == 1) {
            return samples.get(0).sample().id();
        }
        Set<String> families = new LinkedHashSet<>();
        samples.forEach(i -> families.add(i.sample().familyPseudonym()));
        if (families.size() == 1 && families.iterator().next() != null) {
            return families.iterator().next();
        }
        return pseudonymiser.cohort(samples.stream().map(Identified::sampleIdentity).toList());
    }

    /** The samples of a sheet, pseudonymised; their identifiers and BAM paths are registered for redaction. */
    public static Samples fromSheet(Path sheet, Pseudonymiser pseudonymiser, Redactor redactor) {
        redactPath(sheet, "[sample sheet]", redactor);
        List<Identified> out = new ArrayList<>();
        for (SampleSheet.Row row : SampleSheet.read(sheet)) {
            String id = pseudonymiser.sample(row.sampleAlias());
            String patient = pseudonymiser.patient(row.patientId());
            String family = pseudonymiser.family(row.familyId());
            redactor.register(row.patientId(), patient);
            redactor.register(row.mrn(), patient);
            redactor.register(row.sampleAlias(), id);
            redactor.register(row.familyId(), family);
            redactPath(row.bam(), id + extension(row.bam()), redactor);
            Sample s = new Sample(id, patient, family, row.role(), row.sex(), row.bam(), "sample sheet line " + row.line());
            out.add(new Identified(s, row.sampleAlias(), row.patientId(), row.mrn()));
        }
        return new Samples(out, pseudonymiser);
    }

    /** What a {@code -I} path prints as before its header is read: the path is itself treated as an identifier. */
    public static final String READS_LABEL = "[reads]";

    /** Any other input path (a VCF, a truth set) prints as {@code label}: hospitals name files after patients. */
    public static void protectPath(Path path, String label, Redactor redactor) {
        redactPath(path, label, redactor);
    }

    /**
     * The samples of reads files given with {@code -I}, one each, in the order given: a file's {@code @RG SM} is the
     * identifier (the file name when it has no read group). A file of several SMs, or two files of one SM, need a
     * sample sheet.
     */
    public static Samples fromReads(Map<Path, List<String>> readGroupSamples, Pseudonymiser pseudonymiser,
                                    Redactor redactor) {
        return fromReads(readGroupSamples, java.util.Collections.nCopies(readGroupSamples.size(), "unknown"),
                pseudonymiser, redactor);
    }

    /** As {@link #fromReads(Map, Pseudonymiser, Redactor)}, each file's sample with its role (tumour, normal). */
    public static Samples fromReads(Map<Path, List<String>> readGroupSamples, List<String> roles,
                                    Pseudonymiser pseudonymiser, Redactor redactor) {
        List<Identified> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int n = 0;
        for (Map.Entry<Path, List<String>> e : readGroupSamples.entrySet()) {
            Path reads = e.getKey();
            String where = "-I file " + ++n;
            Set<String> names = new LinkedHashSet<>(e.getValue());
            if (names.size() > 1) {
                throw new UserException(where + " has read groups of " + names.size() + " samples: give a sample"
                        + " sheet (--sample-sheet) naming one sample per file");
            }
            String identity = names.isEmpty() ? reads.getFileName().toString() : names.iterator().next();
            String id = pseudonymiser.sample(identity);
            String patient = pseudonymiser.patient(identity);
            redactor.register(identity, id);
            redactPath(reads, id + extension(reads), redactor);
            if (!seen.add(identity)) {
                throw new UserException(where + " names the same sample (@RG SM) as an earlier -I file: merge the"
                        + " files of one sample first, or give a sample sheet");
            }
            Sample s = new Sample(id, patient, null, roles.get(n - 1), "unknown", reads, where);
            out.add(new Identified(s, identity, identity, null));
        }
        return new Samples(out, pseudonymiser);
    }

    public List<Sample> samples() {
        return samples.stream().map(Identified::sample).toList();
    }

    /** The pseudonyms, in the run's order. */
    public List<String> ids() {
        return samples.stream().map(i -> i.sample().id()).toList();
    }

    /** The identifiers a pedigree names samples by (sample_alias, or SM without a sheet), in the run's order. */
    public List<String> pedigreeNames() {
        return samples.stream().map(Identified::sampleIdentity).toList();
    }

    /** The joint call set's name: see {@link #callSetId(List, Pseudonymiser)}. */
    public String callSetId() {
        return callSetId;
    }

    /**
     * Checks that a sheet's BAM belongs to its row: it must carry an {@code @RG SM}, and every SM must be the row's
     * patient_id or sample_alias, compared in Unicode normal form C (a sheet saved by one editor and a header written
     * by another may spell {@code ë} as one code point or two). A BAM without SM cannot prove it is the row's.
     */
    public void checkReadGroups(Sample sample, List<String> readGroupSamples) {
        Identified who = samples.stream().filter(i -> i.sample().equals(sample)).findFirst().orElseThrow();
        if (readGroupSamples.isEmpty()) {
            throw new UserException(sample.source() + ": the BAM has no @RG SM, so it cannot be checked against the"
                    + " row: add the row's sample_alias as SM (samtools addreplacerg) or check the row names the right"
                    + " BAM");
        }
        String patient = nfc(who.patientId());
        String alias = nfc(who.sampleIdentity());
        for (String raw : readGroupSamples) {
            String sm = nfc(raw);
            if (!sm.equals(patient) && !sm.equals(alias)) {
                throw new UserException(sample.source() + ": the BAM's @RG SM is neither the row's patient_id nor its"
                        + " sample_alias: check that the row names the right BAM");
            }
        }
    }

    /** The rows of the samples table; patientId, MRN and sample alias are written only to encrypted columns. */
    public List<SampleRow> rows() {
        List<SampleRow> rows = new ArrayList<>();
        for (Identified i : samples) {
            Sample s = i.sample();
            rows.add(new SampleRow(s.id(), s.patientPseudonym(), i.patientId(), i.mrn(), i.sampleIdentity(), s.sex(),
                    s.role(),
                    s.familyPseudonym()));
        }
        return rows;
    }

    private static String nfc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    private static void redactPath(Path path, String replacement, Redactor redactor) {
        String name = path.getFileName().toString();
        redactor.register(path.toString(), replacement);
        redactor.register(path.toAbsolutePath().normalize().toString(), replacement);
        redactor.register(name, replacement);
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
