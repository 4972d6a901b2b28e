package gap.core.concordance;

import gap.core.UserException;
import gap.core.io.InputValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Takes a BED file (0-based, half-open), gives the test "does this 1-based POS lie in a region?". An allele counts
 * when its POS does, whatever its length: the semantics of {@code bcftools view -T regions.bed} (targets overlap on
 * POS). A contig the BED does not name has no confident bases. {@link #everywhere()} stands for "no BED given".
 */
public final class ConfidentRegions {
    private static final Pattern HEADER_LINE = Pattern.compile("(track|browser)(\\s|$)");
    private static final ConfidentRegions EVERYWHERE = new ConfidentRegions(null, "whole genome");

    // Per contig, merged and sorted: starts[i] < ends[i] <= starts[i + 1], 0-based half-open.
    private final Map<String, long[][]> byContig;
    private final String description;

    private ConfidentRegions(Map<String, long[][]> byContig, String description) {
        this.byContig = byContig;
        this.description = description;
    }

    /** Every position counts. */
    public static ConfidentRegions everywhere() {
        return EVERYWHERE;
    }

    /**
     * Reads {@code bed} (gzipped when its name ends in .gz): tab- or space-separated chrom, start, end (more columns are ignored); blank, {@code #},
     * {@code track} and {@code browser} lines are skipped. A line that is not that is a one-line
     * {@link UserException} giving its number.
     */
    public static ConfidentRegions read(Path bed) {
        InputValidator.requireFile(bed, "confident-regions BED");
        String name = bed.getFileName().toString();
        Map<String, List<long[]>> raw = new HashMap<>();
        try (BufferedReader in = open(bed)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || HEADER_LINE.matcher(trimmed).lookingAt()) {
                    continue;
                }
                String[] fields = trimmed.split("[\t ]+");
                long[] interval = fields.length >= 3 ? parseInterval(fields[1], fields[2]) : null;
                if (interval == null) {
                    throw new UserException("line " + number + " of " + name + " is not a BED interval (chrom,"
                            + " start, end with 0 <= start <= end, 0-based): fix or remove that line");
                }
                raw.computeIfAbsent(fields[0], c -> new ArrayList<>()).add(interval);
            }
        } catch (MalformedInputException | ZipException e) {
            throw new UserException(name + " is not a BED file (plain text, or gzip when named .gz): check the path",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, long[][]> merged = new HashMap<>();
        raw.forEach((contig, intervals) -> merged.put(contig, merge(intervals)));
        return new ConfidentRegions(merged, name);
    }

    private static BufferedReader open(Path bed) throws IOException {
        InputStream in = Files.newInputStream(bed);
        if (bed.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        // A strict decoder, so a binary file fails here rather than as a puzzling "bad line".
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
    }

    private static long[] parseInterval(String start, String end) {
        try {
            long s = Long.parseLong(start);
            long e = Long.parseLong(end);
            return s >= 0 && e >= s ? new long[] {s, e} : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static long[][] merge(List<long[]> intervals) {
        intervals.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] iv : intervals) {
            if (iv[1] == iv[0]) {
                continue; // empty interval: covers nothing
            }
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && iv[0] <= last[1]) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(new long[] {iv[0], iv[1]});
            }
        }
        long[] starts = out.stream().mapToLong(iv -> iv[0]).toArray();
        long[] ends = out.stream().mapToLong(iv -> iv[1]).toArray();
        return new long[][] {starts, ends};
    }

    /** True when 1-based {@code pos} on {@code contig} lies in a region: start < pos <= end in BED numbers. */
    public boolean contains(String contig, long pos) {
        if (byContig == null) {
            return true;
        }
        long[][] regions = byContig.get(contig);
        if (regions == null) {
            return false;
        }
        long zeroBased = pos - 1;
        int i = Arrays.binarySearch(regions[0], zeroBased);
        int candidate = i >= 0 ? i : -i - 2; // the last region starting at or before the position
        return candidate >= 0 && zeroBased < regions[1][candidate];
    }

    /** The BED's file name, or "whole genome": for report headers. */
    public String description() {
        return description;
    }
}
