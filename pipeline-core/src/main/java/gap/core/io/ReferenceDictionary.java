package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a reference's sequence dictionary (contig names, lengths, MD5s where the {@code .dict} has them), gives it as
 * text for Parquet metadata and a digest that names it: files whose digests differ were called against different
 * references, and their coordinates must not be joined.
 */
public record ReferenceDictionary(List<Contig> contigs) {
    /** Parquet metadata key of the digest ({@code sha256:} + hex of {@link #text()}). */
    public static final String DIGEST_KEY = "gap.reference.dictionary";
    /** Parquet metadata key of {@link #text()}: whoever holds a file can check the digest with {@code sha256sum}. */
    public static final String CONTIGS_KEY = "gap.reference.contigs";

    /** One contig; {@code md5} is lower-case hex, or null when the dictionary has no {@code M5}. */
    public record Contig(String name, long length, String md5) {}

    public ReferenceDictionary {
        contigs = List.copyOf(contigs);
    }

    public static ReferenceDictionary of(SAMSequenceDictionary dictionary) {
        List<Contig> contigs = new ArrayList<>();
        for (SAMSequenceRecord seq : dictionary.getSequences()) {
            String md5 = seq.getMd5();
            contigs.add(new Contig(seq.getSequenceName(), seq.getSequenceLength(),
                    md5 == null || md5.isBlank() ? null : md5.trim().toLowerCase(Locale.ROOT)));
        }
        return new ReferenceDictionary(contigs);
    }

    /** One line per contig in dictionary order: name, length and (when known) MD5, tab-separated. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Contig c : contigs) {
            text.append(c.name()).append('\t').append(c.length());
            if (c.md5() != null) {
                text.append('\t').append(c.md5());
            }
            text.append('\n');
        }
        return text.toString();
    }

    public static ReferenceDictionary parse(String text) {
        List<Contig> contigs = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 2 || f.length > 3) {
                throw new IllegalArgumentException("not a contig line: " + line);
            }
            contigs.add(new Contig(f[0], Long.parseLong(f[1]), f.length == 3 ? f[2] : null));
        }
        return new ReferenceDictionary(contigs);
    }

    /**
     * Names, lengths and MD5s, in order: the same reference always gives the same digest; GRCh37 and hg19 (chrM of
     * other lengths), or one build with and one without alt contigs, give different ones.
     */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each contig's index in dictionary order, for sorting in genome order. */
    public Map<String, Integer> indexes() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < contigs.size(); i++) {
            index.put(contigs.get(i).name(), i);
        }
        return index;
    }

    /** The metadata entries that carry this dictionary in a Parquet file. */
    public Map<String, String> metadata() {
        return Map.of(DIGEST_KEY, digest(), CONTIGS_KEY, text());
    }

    /**
     * The dictionary a Parquet file's metadata carries, checked against its digest; {@code fileName} and
     * {@code whatToDo} make the one-line error when it is missing or altered.
     */
    public static ReferenceDictionary fromMetadata(Map<String, String> metadata, String fileName, String whatToDo) {
        String digest = metadata.get(DIGEST_KEY);
        String text = metadata.get(CONTIGS_KEY);
        if (digest == null || text == null) {
            throw new UserException(fileName + " has no reference dictionary in its metadata: " + whatToDo);
        }
        ReferenceDictionary dictionary;
        try {
            dictionary = parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(fileName + " has a malformed reference dictionary in its metadata: " + whatToDo);
        }
        if (!dictionary.digest().equals(digest)) {
            throw new UserException(fileName + ": its reference dictionary does not match its digest (the file was"
                    + " altered): " + whatToDo);
        }
        return dictionary;
    }
}
