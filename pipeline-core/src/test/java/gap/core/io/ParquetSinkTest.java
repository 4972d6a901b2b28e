package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import gap.core.model.CallSet;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.privacy.KeyStoreKms;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.crypto.KeyAccessDeniedException;
import org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSinkTest {
    @TempDir
    Path dir;

    @Test
    void callsFileHasGlowsSchemaWithThreeLevelLists() throws IOException {
        Path calls = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(calls))) {
            schema = reader.getFileMetaData().getSchema();
        }
        String expected = """
                message gap.parquet.Variant {
                  required binary contigName (STRING);
                  required int64 start;
                  required int64 end;
                  required group names (LIST) {
                    repeated group list {
                      required binary element (STRING);
                    }
                  }
                  required binary referenceAllele (STRING);
                  required group alternateAlleles (LIST) {
                    repeated group list {
                      required binary element (STRING);
                    }
                  }
                  optional double qual;
                  required group filters (LIST) {
                    repeated group list {
                      required binary element (STRING);
                    }
                  }
                  required boolean splitFromMultiAllelic;
                  optional group INFO_AF (LIST) {
                    repeated group list {
                      optional double element;
                    }
                  }
                  optional group INFO_CSQ (LIST) {
                    repeated group list {
                      optional binary element (STRING);
                    }
                  }
                  optional boolean INFO_DB;
                  optional int32 INFO_DP;
                  optional double INFO_QD;
                  required group genotypes (LIST) {
                    repeated group list {
                      required group element {
                        required binary sampleId (STRING);
                        required group calls (LIST) {
                          repeated group list {
                            required int32 element;
                          }
                        }
                        required boolean phased;
                        optional int32 depth;
                        optional int32 conditionalQuality;
                        optional group alleleDepths (LIST) {
                          repeated group list {
                            required int32 element;
                          }
                        }
                        optional group phredLikelihoods (LIST) {
                          repeated group list {
                            required int32 element;
                          }
                        }
                        optional int32 DNQ;
                        optional group PP (LIST) {
                          repeated group list {
                            required int32 element;
                          }
                        }
                      }
                    }
                  }
                }
                """;
        assertEquals(expected, schema.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(calls), files.toList(), "no partial file left");
        }
    }

    @Test
    void callsRowsAreSitesInGenomeOrderWithEverySamplesGenotype() throws IOException {
        Path calls = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(calls))
                .withDataModel(GenericData.get()).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                rows.add(r);
            }
        }
        assertEquals(4, rows.size());
        List<String> summary = rows.stream().map(r -> {
            List<String> gts = ((List<?>) r.get("genotypes")).stream()
                    .map(g -> ((GenericRecord) g).get("sampleId") + "=" + ((GenericRecord) g).get("calls")).toList();
            return r.get("contigName") + ":" + r.get("start") + "-" + r.get("end") + " " + r.get("referenceAllele")
                    + ">" + r.get("alternateAlleles") + " " + r.get("filters") + " " + gts;
        }).toList();
        assertEquals(List.of(
                "chr22:20000099-20000100 A>[G] [PASS] [GAP-S00000000001=[0, 1], GAP-S00000000002=[0, 0]]",
                "chr22:20000149-20000150 T>[C] [PASS] [GAP-S00000000001=[-1, -1], GAP-S00000000002=[1, 1]]",
                "chr22:20000199-20000202 CTT>[C] [LowQual] [GAP-S00000000001=[0, 1], GAP-S00000000002=[-1, -1]]",
                "chrM:72-73 A>[G, T] [PASS] [GAP-S00000000001=[1, 2], GAP-S00000000002=[0, 0]]"), summary);

        GenericRecord first = rows.get(0);
        assertEquals(List.of(), first.get("names"));
        assertEquals(55.5, first.get("qual"));
        assertEquals(false, first.get("splitFromMultiAllelic"));
        assertEquals(61, first.get("INFO_DP"));
        assertEquals(1.79, first.get("INFO_QD"));
        assertEquals(List.of(0.25), first.get("INFO_AF"));
        assertEquals(true, first.get("INFO_DB"));
        assertNull(first.get("INFO_CSQ"));
        GenericRecord g = (GenericRecord) ((List<?>) first.get("genotypes")).get(0);
        assertEquals(List.of(0, 1), g.get("calls"));
        assertEquals(false, g.get("phased"));
        assertEquals(31, g.get("depth"));
        assertEquals(99, g.get("conditionalQuality"));
        assertEquals(List.of(15, 16), g.get("alleleDepths"));
        assertEquals(List.of(60, 0, 90), g.get("phredLikelihoods"));
        assertNull(g.get("DNQ"));
        assertNull(g.get("PP"), "no prior moved it");

        GenericRecord moved = (GenericRecord) ((List<?>) rows.get(1).get("genotypes")).get(1);
        assertEquals(List.of(1000, 92, 0), moved.get("PP"), "FORMAT/PP as the VCF writes it");

        GenericRecord noCall = (GenericRecord) ((List<?>) rows.get(2).get("genotypes")).get(1);
        assertEquals(3, noCall.get("depth"), "a no-call keeps its depth");
        assertNull(noCall.get("conditionalQuality"));
        assertNull(noCall.get("phredLikelihoods"));
        assertEquals(List.of(0, 0), noCall.get("alleleDepths"));

        GenericRecord multi = rows.get(3);
        assertEquals(false, multi.get("INFO_DB"), "an absent flag is false");
        assertEquals("[x, y]", multi.get("INFO_CSQ").toString(), "a string list, split at commas");
        GenericRecord mg = (GenericRecord) ((List<?>) multi.get("genotypes")).get(0);
        assertEquals(List.of(1, 2), mg.get("calls"));
        assertEquals(List.of(900, 300, 600, 310, 0, 620), mg.get("phredLikelihoods"));
        assertNull(rows.get(2).get("INFO_QD"));
    }

    @Test
    void callsMetadataNamesTheReferenceDictionaryAndTheSamples() throws IOException {
        Path calls = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                new CallSet(List.of("GAP-S00000000009", "GAP-S00000000001"), List.of()));
        Map<String, String> metadata;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(calls))) {
            metadata = reader.getFileMetaData().getKeyValueMetaData();
        }
        assertEquals("chr22\t51304566\nchrM\t16569\tc68f52674c9fb33aef52dcf399755519\n",
                metadata.get(ReferenceDictionary.CONTIGS_KEY));
        assertEquals(ParquetFixtures.dictionary().digest(), metadata.get(ReferenceDictionary.DIGEST_KEY));
        assertEquals("GAP-S00000000009,GAP-S00000000001", metadata.get(ParquetSink.SAMPLES_KEY),
                "samples without calls are still the run's samples");
    }

    @Test
    void aMissingValueInsideAnInfoListIsANullElement() throws IOException {
        Path calls = dir.resolve("calls.parquet");
        Genotype g = new Genotype(1, 2, 99, List.of(9, 9, 9, 9, 0, 9), List.of(0, 5, 5), 10);
        java.util.Map<String, Object> info = new java.util.HashMap<>();
        info.put("AF", java.util.Arrays.asList(0.5, null));
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(), CallSet.of(
                "GAP-S00000000001", List.of(new VariantCall("chrM", 73, List.of("A", "G", "T"), 50, Filters.PASS, info, g))));
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(calls))
                .withDataModel(GenericData.get()).build()) {
            assertEquals(java.util.Arrays.asList(0.5, null), reader.read().get("INFO_AF"));
        }
    }

    @Test
    void infoColumnsComeFromTheHeaderNotTheData() throws IOException {
        Path empty = dir.resolve("empty.parquet");
        ParquetSink.writeCalls(empty, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                CallSet.of("GAP-S00000000001", List.of()));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(empty))) {
            assertEquals(0, reader.getRecordCount());
            MessageType schema = reader.getFileMetaData().getSchema();
            assertTrue(schema.containsField("INFO_CSQ") && schema.containsField("INFO_DP"));
        }
        IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class, () -> ParquetSink.writeCalls(
                dir.resolve("bad.parquet"), List.of(), ParquetFixtures.dictionary(), ParquetFixtures.calls()));
        assertEquals("INFO key AF has no header line", undeclared.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.parquet")));
        assertFalse(Files.exists(dir.resolve(".bad.partial.parquet")));
    }

    @Test
    void samplesComeBackExactlyForLabAndClinicianAndWithoutIdentifiersForResearcher() {
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path samples = dir.resolve("samples.parquet");
        List<SampleRow> rows = ParquetFixtures.sampleRows();
        ParquetSink.writeSamples(samples, rows, lab);

        assertEquals(rows, ParquetSink.readSamples(samples, lab, true));
        LabKeys clinician = ParquetFixtures.roleKeys(lab, "clinician", dir);
        assertEquals(rows, ParquetSink.readSamples(samples, clinician, true));

        LabKeys researcher = ParquetFixtures.roleKeys(lab, "researcher", dir);
        List<SampleRow> plain = ParquetSink.readSamples(samples, researcher, false);
        assertEquals(rows.stream().map(ParquetSinkTest::withoutIdentifiers).toList(), plain);
        UserException denied = assertThrows(UserException.class, () -> ParquetSink.readSamples(samples, researcher, true));
        assertEquals("the keystore's role (researcher) lacks the clinician column key: identifiers need a clinician's"
                + " or the lab's keystore", denied.getMessage());
    }

    @Test
    void identifiersAreNowhereInTheFileBytes() throws IOException {
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path samples = dir.resolve("samples.parquet");
        ParquetSink.writeSamples(samples, ParquetFixtures.sampleRows(), lab);
        String bytes = new String(Files.readAllBytes(samples), StandardCharsets.ISO_8859_1);
        for (String[] ids : ParquetFixtures.sheetIdentifiers()) {
            assertFalse(bytes.contains(ids[0]), "patient id in clear (column, statistics or footer)");
            assertFalse(bytes.contains(ids[1]), "MRN in clear");
            assertFalse(bytes.contains(ids[2]), "sample alias in clear");
        }
        assertTrue(bytes.contains("GAP-P00000000001"), "the plaintext columns are readable without keys");
        assertTrue(bytes.endsWith("PAR1"), "plaintext footer");
        for (SampleRow r : ParquetFixtures.sampleRows()) {
            assertFalse(r.toString().contains(r.patientId()) || r.toString().contains(r.mrn())
                    || r.toString().contains(r.sampleAlias()));
        }
    }

    @Test
    void clinicianThenResearcherInOneJvmStillDeniesTheResearcher() throws IOException {
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path samples = dir.resolve("samples.parquet");
        ParquetSink.writeSamples(samples, ParquetFixtures.sampleRows(), lab);
        LabKeys clinician = ParquetFixtures.roleKeys(lab, "clinician", dir);
        LabKeys researcher = ParquetFixtures.roleKeys(lab, "researcher", dir);

        String clinicianToken = KeyStoreKms.register(clinician);
        String researcherToken = KeyStoreKms.register(researcher);
        try {
            // straight through parquet-java, past readSamples' own check: PME itself must refuse
            assertEquals(3, readAllColumns(samples, clinicianToken).size());
            KeyAccessDeniedException denied = deepestDenial(assertThrows(RuntimeException.class,
                    () -> readAllColumns(samples, researcherToken)));
            assertEquals("the keystore's role (researcher) lacks the clinician column key", denied.getMessage());
        } finally {
            KeyStoreKms.unregister(clinicianToken);
            KeyStoreKms.unregister(researcherToken);
        }
        assertEquals(ParquetFixtures.sampleRows(), ParquetSink.readSamples(samples, clinician, true));
        assertThrows(UserException.class, () -> ParquetSink.readSamples(samples, researcher, true));
    }

    @Test
    void anotherLabsKeystoreIsOneLine() {
        Path samples = dir.resolve("samples.parquet");
        ParquetSink.writeSamples(samples, ParquetFixtures.sampleRows(), ParquetFixtures.labKeys(dir));
        Path other = dir.resolve("other");
        LabKeys otherLab = LabKeys.create(other.resolve("other.p12"), ParquetFixtures.PASSWORD.toCharArray());
        UserException e = assertThrows(UserException.class, () -> ParquetSink.readSamples(samples, otherLab, true));
        assertEquals("samples.parquet: the Parquet footer key of keystore other.p12 is not the one the file was"
                + " written with: use the keystore of the lab that wrote it, or one exported from it", e.getMessage());
        UserException noKey = assertThrows(UserException.class, () -> ParquetSink.writeSamples(dir.resolve("x.parquet"),
                ParquetFixtures.sampleRows(), ParquetFixtures.roleKeys(otherLab, "researcher", other)));
        assertTrue(noKey.getMessage().startsWith("keystore researcher.p12 lacks the clinician column key"));
    }

    @Test
    void otherFilesAreOneLine() throws IOException {
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path calls = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        assertEquals("calls.parquet has no column sampleId: give the samples.parquet gap wrote",
                assertThrows(UserException.class, () -> ParquetSink.readSamples(calls, lab, false)).getMessage());
        Path text = dir.resolve("notes.parquet");
        Files.writeString(text, "just some text, long enough to have a footer length field");
        assertEquals("notes.parquet cannot be read as a samples table (RuntimeException): give the samples.parquet"
                + " gap wrote, with a keystore of the lab that wrote it",
                assertThrows(UserException.class, () -> ParquetSink.readSamples(text, lab, true)).getMessage());
        assertEquals("samples file absent.parquet does not exist: check the path", assertThrows(UserException.class,
                () -> ParquetSink.readSamples(dir.resolve("absent.parquet"), lab, true)).getMessage());
    }

    private static List<GenericRecord> readAllColumns(Path samples, String token) throws IOException {
        Configuration conf = new Configuration(false);
        KeyStoreKms.configure(conf, token);
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(samples))
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withDecryption(new PropertiesDrivenCryptoFactory().getFileDecryptionProperties(conf,
                        new org.apache.hadoop.fs.Path(samples.toUri())))
                .build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static KeyAccessDeniedException deepestDenial(Throwable t) {
        KeyAccessDeniedException found = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KeyAccessDeniedException k) {
                found = k;
            }
        }
        if (found == null) {
            throw new AssertionError("no KeyAccessDeniedException in the chain", t);
        }
        return found;
    }

    private static SampleRow withoutIdentifiers(SampleRow r) {
        return new SampleRow(r.sampleId(), r.patientPseudonym(), null, null, null, r.sex(), r.role(), r.familyId());
    }
}
