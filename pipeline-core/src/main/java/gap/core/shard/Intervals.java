package gap.core.shard;

import gap.core.UserException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes {@code -L} values, gives sorted, merged 1-based inclusive intervals. A value is a region
 * ({@code chr}, {@code chr:start}, {@code chr:start-end}, commas allowed in numbers) or a file: {@code .bed}
 * (0-based, half-open, as BED defines it), {@code .interval_list} (Picard: a SAM header, then 1-based lines),
 * or any other name holding one region per line ({@code .list}, {@code .intervals}).
 */
public final class Intervals {
    private static final Pattern REGION = Pattern.compile("^(.+?)(?::([0-9,]+)(?:-([0-9,]+))?)?$");

    private Intervals() {}

    public static List<Interval> parse(List<String> values, SAMSequenceDictionary dictionary) {
        return parse(values, dictionary, Path::of);
    }

    /** As {@link #parse(List, SAMSequenceDictionary)}, with files named as {@code paths} resolves them (a cluster's). */
    public static List<Interval> parse(List<String> values, SAMSequenceDictionary dictionary,
                                       java.util.function.Function<String, Path> paths) {
        List<Interval> all = new ArrayList<>();
        for (String value : values) {
            // a region is never resolved as a path: a cluster's file system reads "chr22:" as a URI scheme
            Path file = namesRegion(value, dictionary) ? null : paths.apply(value);
            if (looksLikeFile(value) && !Files.exists(file)) {
                throw new UserException("intervals file " + file.getFileName() + " does not exist");
            }
            if (file != null && Files.isRegularFile(file)) {
                all.addAll(readFile(file, dictionary));
            } else {
                all.add(region(value, dictionary, value));
            }
        }
        return merge(all, dictionary);
    }

    /** True when {@code value} is a contig of the reference, or contig:start[-end] of one. */
    private static boolean namesRegion(String value, SAMSequenceDictionary dictionary) {
        if (looksLikeFile(value)) {
            return false;
        }
        Matcher m = REGION.matcher(value);
        return dictionary.getSequence(value) != null || m.matches() && dictionary.getSequence(m.group(1)) != null;
    }

    private static boolean looksLikeFile(String value) {
        return value.endsWith(".bed") || value.endsWith(".interval_list") || value.endsWith(".list")
                || value.endsWith(".intervals");
    }

    private static List<Interval> readFile(Path file, SAMSequenceDictionary dictionary) {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserException("cannot read intervals file " + name, e);
        }
        List<Interval> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = name + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@") || line.startsWith("track")
                    || line.startsWith("browser")) {
                continue;
            }
            String[] f = line.split("\t");
            if (name.endsWith(".bed")) {
                if (f.length < 3) {
                    throw new UserException(where + " has fewer than 3 columns: BED needs contig, start, end");
                }
                long start = number(f[1], where) + 1;
                out.add(checked(f[0], start, number(f[2], where), dictionary, where));
            } else if (name.endsWith(".interval_list")) {
                if (f.length < 3) {
                    throw new UserException(where + " has fewer than 3 columns: an interval list needs contig, start, end");
                }
                out.add(checked(f[0], number(f[1], where), number(f[2], where), dictionary, where));
            } else {
                out.add(region(line, dictionary, where));
            }
        }
        return out;
    }

    private static Interval region(String text, SAMSequenceDictionary dictionary, String where) {
        SAMSequenceRecord whole = dictionary.getSequence(text);
        if (whole != null) {
            return new Interval(text, 1, whole.getSequenceLength());
        }
        Matcher m = REGION.matcher(text);
        if (!m.matches()) {
            throw new UserException("interval '" + where + "' is not of the form contig[:start[-end]]");
        }
        SAMSequenceRecord seq = dictionary.getSequence(m.group(1));
        if (seq == null) {
            throw new UserException("interval '" + where + "' names a contig that is not in the reference");
        }
        long start = m.group(2) == null ? 1 : number(m.group(2), where);
        long end = m.group(3) == null ? (m.group(2) == null ? seq.getSequenceLength() : start) : number(m.group(3), where);
        return checked(m.group(1), start, end, dictionary, where);
    }

    private static Interval checked(String contig, long start, long end, SAMSequenceDictionary dictionary, String where) {
        SAMSequenceRecord seq = dictionary.getSequence(contig);
        if (seq == null) {
            throw new UserException("interval at " + where + " names a contig that is not in the reference");
        }
        if (start < 1 || end < start || end > seq.getSequenceLength()) {
            throw new UserException("interval at " + where + " lies outside its contig (1-" + seq.getSequenceLength()
                    + ") or ends before it starts");
        }
        return new Interval(contig, (int) start, (int) end);
    }

    private static long number(String s, String where) {
        try {
            return Long.parseLong(s.replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new UserException("interval at " + where + " has a position that is not a number");
        }
    }

    /** Sorts in dictionary order and merges overlapping or touching intervals. */
    static List<Interval> merge(List<Interval> intervals, SAMSequenceDictionary dictionary) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingInt((Interval i) -> dictionary.getSequenceIndex(i.getContig()))
                .thenComparingInt(Interval::getStart));
        List<Interval> merged = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.getContig().equals(i.getContig()) && i.getStart() <= last.getEnd() + 1) {
                merged.set(merged.size() - 1, new Interval(last.getContig(), last.getStart(), Math.max(last.getEnd(), i.getEnd())));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }
}
