package gap.core.assembly;

import gap.core.model.Nucleotides;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Takes a reference window and reads over it, gives a de Bruijn (read-threading) graph of their k-mers and the best
 * paths through it from the reference's first k-mer to its last: the candidate haplotypes of the window, as GATK's
 * read-threading assembler builds them. Reference edges are kept whatever their support; linear chains of read edges
 * none of which reaches {@code minPruning} reads are pruned whole (a true junction seen by one read in the middle of a
 * chain others support stays); dangling heads and tails (reads that end or begin a few bases past a variant) are joined
 * back to the reference by a Smith-Waterman alignment; k-mers holding an N are not threaded.
 *
 * <p>Vertices are dense ids from a {@link KmerTable}, numbered in the order k-mers first enter the graph (the
 * reference's first, in order), and edges are slots of per-vertex arrays indexed {@code 4 * id + base}.
 */
final class AssemblyGraph {
    private static final String BASES = "ACGT";
    private static final int NONE = -1;
    /** GATK's minimum dangling branch length worth a recovery attempt. */
    static final int MIN_DANGLING_LENGTH = 4;

    private final int k;
    private final KmerTable kmers;
    private final String reference;
    private final int source;
    private final int sink;
    /** Per edge slot {@code 4 * vertex + base}: read support, reference flag, recovered flag, target vertex. */
    private int[] count = new int[256];
    private boolean[] ref = new boolean[256];
    private boolean[] recovered = new boolean[256];
    private int[] target = new int[256];
    private int[] inDegree = new int[64];
    /** Per vertex: the reference offset of its k-mer (its first occurrence), or -1 off the reference. */
    private int[] refOffset = new int[64];
    /** Per vertex: how many times the reference passes it (0 off the reference). */
    private int[] refVisits = new int[64];

    private AssemblyGraph(int k, KmerTable kmers, String reference, int source, int sink) {
        this.k = k;
        this.kmers = kmers;
        this.reference = reference;
        this.source = source;
        this.sink = sink;
        Arrays.fill(target, NONE);
        Arrays.fill(refOffset, NONE);
    }

    /**
     * The graph of {@code reference} and the reads, or null when some k-mer occurs twice in the reference (a path
     * could then skip or repeat a stretch of it: the caller retries with a larger k) unless {@code allowRepeats},
     * GATK's last attempt, where only the first and last k-mers must be unique.
     */
    static AssemblyGraph build(String reference, List<byte[][]> reads, int k, int minBaseQuality,
                               boolean allowRepeats) {
        if (reference.length() <= k || reference.indexOf('N') >= 0) {
            return null;
        }
        byte[] r = reference.getBytes(StandardCharsets.US_ASCII);
        KmerTable table = new KmerTable(k);
        int n = r.length - k + 1;
        int[] ids = new int[n];
        long h = table.hash(r, 0);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                h = table.roll(h, r[i - 1], r[i + k - 1]);
            }
            int id = table.find(h, r, i);
            if (id >= 0 && !allowRepeats) {
                return null;
            }
            ids[i] = id >= 0 ? id : table.add(h, r, i);
        }
        if (allowRepeats && (occurrences(ids, ids[0]) > 1 || occurrences(ids, ids[n - 1]) > 1)) {
            return null;
        }
        AssemblyGraph g = new AssemblyGraph(k, table, reference, ids[0], ids[n - 1]);
        g.ensure(4 * table.size()); // room for the reads' k-mers too: most regions then never grow the arrays
        for (int i = 0; i < n; i++) {
            if (g.refOffset[ids[i]] == NONE) {
                g.refOffset[ids[i]] = i;
            }
            g.refVisits[ids[i]]++;
            if (i + 1 < n) {
                g.addEdge(ids[i], Nucleotides.code(r[i + k]), ids[i + 1], true);
            }
        }
        for (byte[][] read : reads) {
            g.thread(read[0], read[1], minBaseQuality, false);
        }
        return g;
    }

    /** Without repeated reference k-mers. */
    static AssemblyGraph build(String reference, List<byte[][]> reads, int k, int minBaseQuality) {
        return build(reference, reads, k, minBaseQuality, false);
    }

    private static int occurrences(int[] ids, int id) {
        int c = 0;
        for (int x : ids) {
            c += x == id ? 1 : 0;
        }
        return c;
    }


    private void ensure(int vertices) {
        if (inDegree.length < vertices) {
            int n = Math.max(vertices, inDegree.length * 2);
            inDegree = Arrays.copyOf(inDegree, n);
            int oldOffsets = refOffset.length;
            refOffset = Arrays.copyOf(refOffset, n);
            Arrays.fill(refOffset, oldOffsets, n, NONE);
            refVisits = Arrays.copyOf(refVisits, n);
            count = Arrays.copyOf(count, 4 * n);
            ref = Arrays.copyOf(ref, 4 * n);
            recovered = Arrays.copyOf(recovered, 4 * n);
            int old = target.length;
            target = Arrays.copyOf(target, 4 * n);
            Arrays.fill(target, old, target.length, NONE);
        }
    }

    /** An edge from {@code from} by base {@code b} to {@code to}, which the caller has interned. */
    private void addEdge(int from, int b, int to, boolean reference) {
        int e = 4 * from + b;
        if (!live(e)) {
            target[e] = to;
            inDegree[to]++;
        }
        if (reference) {
            ref[e] = true;
        } else {
            count[e]++;
        }
    }

    /**
     * Adds a sequence's consecutive usable k-mers as edges: read support, or (for a dangling end's stitch) recovered
     * edges that count for no read.
     */
    private void thread(byte[] bases, byte[] quals, int minBaseQuality, boolean recovery) {
        int trusted = 0; // length of the run of usable bases ending at i
        long previous = 0; // hash of the k-mer ending at i - 1, when trusted reached k there
        for (int i = 0; i < bases.length; i++) {
            boolean ok = Nucleotides.code(bases[i]) >= 0 && quals[i] >= minBaseQuality;
            trusted = ok ? trusted + 1 : 0;
            if (trusted < k) {
                continue;
            }
            long current = trusted == k ? kmers.hash(bases, i - k + 1) : kmers.roll(previous, bases[i - k], bases[i]);
            if (trusted > k) {
                int from = intern(previous, bases, i - k);
                int e = 4 * from + Nucleotides.code(bases[i]);
                // the target is looked up only for a new edge, as vertices enter the graph in that order
                int to = live(e) ? target[e] : intern(current, bases, i - k + 1);
                if (recovery) {
                    if (!live(e)) {
                        target[e] = to;
                        inDegree[to]++;
                        recovered[e] = true;
                    }
                } else {
                    addEdge(from, Nucleotides.code(bases[i]), to, false);
                }
            }
            previous = current;
        }
    }

    private int intern(long h, byte[] src, int off) {
        int id = kmers.intern(h, src, off);
        ensure(kmers.size());
        return id;
    }

    private boolean live(int e) {
        return ref[e] || count[e] > 0 || recovered[e];
    }

    private int outDegree(int v) {
        int d = 0;
        for (int b = 0; b < 4; b++) {
            d += live(4 * v + b) ? 1 : 0;
        }
        return d;
    }

    private int onlyOut(int v) {
        for (int b = 0; b < 4; b++) {
            if (live(4 * v + b)) {
                return 4 * v + b;
            }
        }
        return NONE;
    }

    /**
     * GATK's chain pruning: a chain is a path whose inner vertices have one edge in and one out; a chain none of whose
     * edges is reference or seen in {@code minPruning} reads, nor in {@code minFraction} of the reads leaving the
     * vertex it branches from, is removed whole. The fraction scales with depth: at Q20 and 30x, two reads share
     * the same error every forty bases or so, and a germline allele is far above a tenth of the reads. A weak chain
     * that is the only way across a gap in an otherwise supported alternative path is kept (see {@link #bridges}).
     */
    void prune(int minPruning, double minFraction) {
        int n = kmers.size();
        List<int[]> doomed = new ArrayList<>();
        List<Integer> chain = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (inDegree[u] == 1 && outDegree(u) == 1 && u != source) {
                continue; // inside a chain: its chain starts at a branching vertex
            }
            for (int b = 0; b < 4; b++) {
                int e = 4 * u + b;
                if (!live(e)) {
                    continue;
                }
                chain.clear();
                double need = Math.max(minPruning, minFraction * totalWeight(u));
                boolean keep = false;
                int v = u;
                int edge = e;
                while (true) {
                    chain.add(edge);
                    keep |= ref[edge] || recovered[edge] || count[edge] >= need;
                    v = target[edge];
                    if (v == u || v == source || inDegree[v] != 1 || outDegree(v) != 1 || chain.size() > n) {
                        break;
                    }
                    edge = onlyOut(v);
                }
                if (!keep) {
                    doomed.add(chain.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        boolean[] spared = bridges(doomed);
        for (int c = 0; c < doomed.size(); c++) {
            if (spared[c]) {
                continue;
            }
            for (int e : doomed.get(c)) {
                if (count[e] > 0) {
                    count[e] = 0;
                    inDegree[target[e]]--;
                }
            }
        }
    }

    /**
     * Which weak chains to keep: those that alone join a supported alternative path across a gap. Inside a long
     * insertion or across a duplication's junction only the few reads of one haplotype pass, and where one of two
     * of them carries an error the true chain and the error's are each seen once: both would be pruned and the event
     * lost although the rest of its path has support. A doomed chain is kept when it joins the end of a surviving
     * non-reference stretch (no other surviving edge leaves its first vertex) to the start of another (none enters
     * its last), both off the reference, and lies on a source-to-sink route through surviving and such chains. An
     * error's bubble on the reference path, a weak shortcut from the reference into a repeat, and an error's dead end
     * stay pruned; of a true and an error chain across one gap both stay, and the reads choose between them.
     */
    private boolean[] bridges(List<int[]> doomed) {
        int n = kmers.size();
        boolean[] dead = new boolean[4 * n];
        for (int[] c : doomed) {
            for (int e : c) {
                dead[e] = true;
            }
        }
        int[] keptOut = new int[n];
        int[] keptIn = new int[n];
        for (int e = 0; e < 4 * n; e++) {
            if (live(e) && !dead[e]) {
                keptOut[e / 4]++;
                keptIn[target[e]]++;
            }
        }
        boolean[] candidate = new boolean[doomed.size()];
        boolean any = false;
        for (int c = 0; c < doomed.size(); c++) {
            int[] chain = doomed.get(c);
            int u = chain[0] / 4;
            int v = target[chain[chain.length - 1]];
            candidate[c] = refOffset[u] == NONE && keptOut[u] == 0 && keptIn[u] > 0
                    && refOffset[v] == NONE && keptIn[v] == 0 && keptOut[v] > 0;
            any |= candidate[c];
        }
        if (!any) {
            return candidate;
        }
        boolean[] usable = new boolean[4 * n];
        for (int e = 0; e < 4 * n; e++) {
            usable[e] = live(e) && !dead[e];
        }
        for (int c = 0; c < doomed.size(); c++) {
            if (!candidate[c]) {
                continue;
            }
            for (int e : doomed.get(c)) {
                usable[e] = true;
            }
        }
        boolean[] fromSource = reach(usable, source, true);
        boolean[] toSink = reach(usable, sink, false);
        for (int c = 0; c < doomed.size(); c++) {
            int[] chain = doomed.get(c);
            candidate[c] &= fromSource[chain[0] / 4] && toSink[target[chain[chain.length - 1]]];
        }
        return candidate;
    }

    /** The vertices reachable from {@code start} over {@code usable} edges, forwards or backwards. */
    private boolean[] reach(boolean[] usable, int start, boolean forwards) {
        int n = kmers.size();
        List<List<Integer>> back = new ArrayList<>();
        if (!forwards) {
            for (int v = 0; v < n; v++) {
                back.add(new ArrayList<>());
            }
            for (int e = 0; e < 4 * n; e++) {
                if (usable[e]) {
                    back.get(target[e]).add(e / 4);
                }
            }
        }
        boolean[] seen = new boolean[n];
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        while (!todo.isEmpty()) {
            int v = todo.poll();
            if (forwards) {
                for (int b = 0; b < 4; b++) {
                    int e = 4 * v + b;
                    if (usable[e] && !seen[target[e]]) {
                        seen[target[e]] = true;
                        todo.add(target[e]);
                    }
                }
            } else {
                for (int u : back.get(v)) {
                    if (!seen[u]) {
                        seen[u] = true;
                        todo.add(u);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * Dangling-end recovery, as GATK's: a branch that leaves the reference and stops (its reads end a few bases past
     * a variant, so the branch never rejoins with k matching bases) is aligned to the reference after its branch point
     * by Smith-Waterman, and when the alignment is simple (at most one indel) the branch's end is joined to the
     * reference where its alignment ends; a branch that starts off the reference (reads that begin just before a
     * variant) likewise, aligned to the reference before the vertex where it joins. A branch that forks again is left
     * alone. Without this, a variant near the edge of the reads' coverage has no path from source to sink.
     */
    void recoverDanglingEnds() {
        int n = kmers.size();
        int[] pred = new int[n];
        int[] predCount = new int[n];
        for (int v = 0; v < n; v++) {
            for (int b = 0; b < 4; b++) {
                int e = 4 * v + b;
                if (live(e)) {
                    pred[target[e]] = v;
                    predCount[target[e]]++;
                }
            }
        }
        List<byte[]> stitches = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (refOffset[v] != NONE) {
                continue;
            }
            if (outDegree(v) == 0 && predCount[v] > 0) {
                byte[] s = tailStitch(v, pred, predCount);
                if (s != null) {
                    stitches.add(s);
                }
            } else if (predCount[v] == 0 && outDegree(v) > 0) {
                byte[] s = headStitch(v, pred, predCount);
                if (s != null) {
                    stitches.add(s);
                }
            }
        }
        for (byte[] s : stitches) {
            byte[] q = new byte[s.length];
            Arrays.fill(q, Byte.MAX_VALUE);
            thread(s, q, 0, true);
        }
    }

    /** The sequence joining dangling tail {@code v} to the reference, or null when it cannot be joined. */
    private byte[] tailStitch(int v, int[] pred, int[] predCount) {
        StringBuilder tail = new StringBuilder();
        int u = v;
        while (refOffset[u] == NONE) {
            if (predCount[u] != 1 || tail.length() > reference.length()) {
                return null;
            }
            tail.append(lastBaseChar(u));
            int p = pred[u];
            if (refOffset[p] == NONE && outDegree(p) != 1) {
                return null;
            }
            u = p;
        }
        if (tail.length() < MIN_DANGLING_LENGTH) {
            return null;
        }
        // aligned from the reference k-mer the branch left, as GATK does, so a deletion right at the branch point
        // is an inner gap of the alignment
        int from = refOffset[u];
        String branch = kmers.text(u, 0, k) + tail.reverse();
        int refEnd = Math.min(reference.length(), from + branch.length() + 2 * k);
        int consumed = DanglingAligner.alignPrefix(branch, reference.substring(from, refEnd));
        int after = from + consumed; // first reference base after the branch's alignment
        if (consumed < 0 || after + k > reference.length()) {
            return null;
        }
        if (consumed != branch.length() && repeatsFlank(reference.substring(0, from + k), tail.toString())) {
            return null; // an insertion whose far end the reads do not reach: any merge point would be invented
        }
        return (kmers.text(v, 0, k) + reference.substring(after, after + k)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The sequence joining dangling head {@code v} from the reference, or null when it cannot be joined. */
    private byte[] headStitch(int v, int[] pred, int[] predCount) {
        StringBuilder head = new StringBuilder(kmers.text(v, 0, k));
        int u = v;
        while (refOffset[u] == NONE) {
            if (outDegree(u) != 1 || head.length() > reference.length()) {
                return null;
            }
            int next = target[onlyOut(u)];
            if (refOffset[next] == NONE && predCount[next] != 1) {
                return null;
            }
            u = next;
            head.append(lastBaseChar(u));
        }
        int novel = head.length() - k; // bases before the joining reference k-mer
        if (novel < MIN_DANGLING_LENGTH) {
            return null;
        }
        int refEnd = refOffset[u] + k; // aligned up to the end of the reference k-mer it joins, as GATK does
        int refStart = Math.max(0, refEnd - head.length() - 2 * k);
        String branch = head.reverse().toString();
        String before = new StringBuilder(reference.substring(refStart, refEnd)).reverse().toString();
        int consumed = DanglingAligner.alignPrefix(branch, before);
        int start = refEnd - consumed; // reference offset where the branch's first base aligns
        if (consumed < 0 || start - k < 0) {
            return null;
        }
        if (consumed != branch.length() && repeatsFlank(new StringBuilder(reference.substring(refOffset[u])).reverse()
                .toString(), branch.substring(branch.length() - novel))) {
            return null; // as for a tail: an insertion whose near end the reads do not reach
        }
        String headKmer = new StringBuilder(branch.substring(branch.length() - k)).reverse().toString();
        return (reference.substring(start - k, start) + headKmer).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * True when {@code extension} continues {@code flank} as a tandem repeat: some period D (1 to the flank's length)
     * such that each of its bases equals the base D before it. A dangling branch that merely repeats the sequence
     * next to where it leaves the reference (reads that end, or begin, inside a tandem duplication or a repeat
     * expansion) says that the haplotype holds more copies, not where the extra copies end: Smith-Waterman against
     * the reference beyond would place an insertion there anyway (the branch's reference k-mer pays for any gap), and
     * its mismatches would be written as alleles no read shows. Read in the other direction for a head (both
     * reversed).
     */
    static boolean repeatsFlank(String flank, String extension) {
        int f = flank.length();
        int t = extension.length();
        for (int d = 1; d <= f; d++) {
            int i = 0;
            while (i < t && extension.charAt(i) == (i < d ? flank.charAt(f - d + i) : extension.charAt(i - d))) {
                i++;
            }
            if (i == t) {
                return true;
            }
        }
        return false;
    }

    private char lastBaseChar(int v) {
        return (char) kmers.bases()[kmers.offset(v) + k - 1];
    }

    /** True when a live path from the source returns to a k-mer it passed: paths would not be finite. */
    boolean hasCycle() {
        int n = kmers.size();
        byte[] state = new byte[n]; // 1 on the stack, 2 done
        int[] stackVertex = new int[n];
        int[] stackBase = new int[n];
        int depth = 0;
        stackVertex[depth] = source;
        stackBase[depth++] = 0;
        state[source] = 1;
        while (depth > 0) {
            int top = depth - 1;
            int v = stackVertex[top];
            int b = stackBase[top];
            if (b == 4) {
                state[v] = 2;
                depth--;
                continue;
            }
            stackBase[top] = b + 1;
            if (!live(4 * v + b)) {
                continue;
            }
            int next = target[4 * v + b];
            if (state[next] == 1) {
                return true;
            }
            if (state[next] == 0) {
                state[next] = 1;
                stackVertex[depth] = next;
                stackBase[depth++] = 0;
            }
        }
        return false;
    }

    /** A path so far: its score (sum of log10 edge shares) and the bases after the first k-mer. */
    private record Path(double score, String tail) {}

    /**
     * The best {@code maxPaths} source-to-sink paths as sequences, best first (ties broken by sequence). An edge
     * scores log10 of its share of its vertex's support; reference edges count one more, so unsupported
     * reference still has a path. Needs an acyclic graph.
     */
    List<String> bestPaths(int maxPaths) {
        List<List<Path>> best = new ArrayList<>();
        for (int v = 0; v < kmers.size(); v++) {
            best.add(List.of());
        }
        best.set(source, List.of(new Path(0, "")));
        Comparator<Path> order = Comparator.comparingDouble(Path::score).reversed().thenComparing(Path::tail);
        for (int v : topologicalOrder()) {
            List<Path> here = best.get(v);
            if (here.isEmpty() || v == sink) {
                continue;
            }
            double total = totalWeight(v);
            for (int b = 0; b < 4; b++) {
                int e = 4 * v + b;
                if (!live(e)) {
                    continue;
                }
                int next = target[e];
                double step = StrictMath.log10(weight(e) / total);
                List<Path> there = new ArrayList<>(best.get(next));
                for (Path p : here) {
                    there.add(new Path(p.score() + step, p.tail() + BASES.charAt(b)));
                }
                there.sort(order);
                best.set(next, there.size() > maxPaths ? List.copyOf(there.subList(0, maxPaths)) : there);
            }
        }
        String first = kmers.text(source, 0, k);
        List<String> out = new ArrayList<>();
        for (Path p : best.get(sink)) {
            out.add(first + p.tail());
        }
        return out;
    }

    /** A partial path of the cyclic search: a vertex, the step that reached it, and the path before. */
    private record Step(int vertex, Step before, int base, int length, double score, long order) {}

    /**
     * The best {@code maxPaths} distinct source-to-sink sequences of a graph that may have cycles (a tandem
     * duplication or a repeat expansion longer than k loops back on the reference), best first: a best-first search
     * over partial paths, whose scores (sums of log10 edge shares) only fall as a path grows, so the first complete
     * paths it meets are the best. A path may pass a vertex once more than the reference does (one more copy of a
     * duplicated or repeated stretch: reads too short to span a longer array cannot tell two extra copies from one, and
     * the shorter change is the one to propose); it stops at {@code maxLength} bases, and the search after
     * {@code maxSteps} extensions.
     */
    List<String> bestPathsCyclic(int maxPaths, int maxLength, int maxSteps) {
        PriorityQueue<Step> queue = new PriorityQueue<>(Comparator.comparingDouble(Step::score).reversed()
                .thenComparingLong(Step::order));
        long order = 0;
        queue.add(new Step(source, null, -1, k, 0, order++));
        Set<String> out = new LinkedHashSet<>();
        int steps = 0;
        while (!queue.isEmpty() && out.size() < maxPaths && steps++ < maxSteps) {
            Step s = queue.poll();
            if (s.vertex() == sink) {
                out.add(spell(s));
                continue;
            }
            if (s.length() >= maxLength) {
                continue;
            }
            double total = totalWeight(s.vertex());
            for (int b = 0; b < 4; b++) {
                int e = 4 * s.vertex() + b;
                if (live(e) && visits(s, target[e]) <= refVisits[target[e]]) {
                    double step = StrictMath.log10(weight(e) / total);
                    queue.add(new Step(target[e], s, b, s.length() + 1, s.score() + step, order++));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static int visits(Step end, int vertex) {
        int n = 0;
        for (Step s = end; s != null; s = s.before()) {
            n += s.vertex() == vertex ? 1 : 0;
        }
        return n;
    }

    private String spell(Step end) {
        char[] tail = new char[end.length() - k];
        int i = tail.length;
        for (Step s = end; s.before() != null; s = s.before()) {
            tail[--i] = BASES.charAt(s.base());
        }
        return kmers.text(source, 0, k) + new String(tail);
    }

    private double totalWeight(int v) {
        double total = 0;
        for (int b = 0; b < 4; b++) {
            total += live(4 * v + b) ? weight(4 * v + b) : 0;
        }
        return total;
    }

    private double weight(int e) {
        return count[e] + (ref[e] || recovered[e] ? 1 : 0);
    }

    /** Live vertices reachable from the source, each after all its live predecessors (Kahn's order). */
    private int[] topologicalOrder() {
        int n = kmers.size();
        int[] indegree = new int[n];
        boolean[] seen = new boolean[n];
        Deque<Integer> todo = new ArrayDeque<>(List.of(source));
        seen[source] = true;
        while (!todo.isEmpty()) {
            int v = todo.poll();
            for (int b = 0; b < 4; b++) {
                if (live(4 * v + b)) {
                    int next = target[4 * v + b];
                    indegree[next]++;
                    if (!seen[next]) {
                        seen[next] = true;
                        todo.add(next);
                    }
                }
            }
        }
        int[] order = new int[n];
        int size = 0;
        Deque<Integer> ready = new ArrayDeque<>(List.of(source));
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order[size++] = v;
            for (int b = 0; b < 4; b++) {
                if (live(4 * v + b)) {
                    int next = target[4 * v + b];
                    if (--indegree[next] == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        return Arrays.copyOf(order, size);
    }
}
