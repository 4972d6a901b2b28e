package gap.core.shard;

import gap.core.cohort.DeNovoCalls;
import gap.core.cohort.Trio;
import gap.core.model.VariantCall;
import gap.core.scoring.DepthFilter;
import gap.core.scoring.VariantScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes a run's calls one at a time in genome order, with the run's depth filter and the scorer prepared from its
 * {@link CallDigest} (models trained on its sample when it has known sites), gives them scored and named de novo, in the same order, to a consumer, holding only a chunk
 * of calls at a time. A call's score depends on itself, those run-wide models and median and its neighbours within
 * {@link #NEIGHBOURHOOD} bp on its contig, so a chunk ends where the next call is further away or on another contig;
 * where calls stay closer (a dense region) a chunk is scored with its neighbours on both sides as context and only
 * its own calls handed on, so at most a chunk and its context are held: the calls come out exactly as scoring all of
 * them at once gives them.
 */
final class ScoringStream implements Consumer<VariantCall>, AutoCloseable {
    /** The scorer's furthest neighbour (bp): calls further apart never change each other's scores. */
    static final int NEIGHBOURHOOD = 1000;
    /**
     * Calls gathered before a chunk may end: enough that chunking costs little, few enough that a chunk with its
     * scored and named copies is a few MB.
     */
    static final int CHUNK = 512;

    private final VariantScorer scorer;
    private final VariantScorer.Prepared prepared;
    private final DepthFilter depth;
    private final List<String> samples;
    private final List<Trio> trios;
    private final int minDeNovoQuality;
    private final Consumer<VariantCall> out;
    private final int chunkSize;
    private final List<DeNovoCalls.Call> deNovo = new ArrayList<>();
    /** The calls held: those before {@link #from} handed on already, held as the next ones' left neighbours. */
    private List<VariantCall> chunk = new ArrayList<>();
    private int from;

    ScoringStream(VariantScorer scorer, VariantScorer.Prepared prepared, DepthFilter depth, List<String> samples,
                  List<Trio> trios, int minDeNovoQuality, Consumer<VariantCall> out) {
        this(scorer, prepared, depth, samples, trios, minDeNovoQuality, out, CHUNK);
    }

    /** With chunks of at least {@code chunkSize} calls (tests make them small). */
    ScoringStream(VariantScorer scorer, VariantScorer.Prepared prepared, DepthFilter depth, List<String> samples,
                  List<Trio> trios, int minDeNovoQuality, Consumer<VariantCall> out, int chunkSize) {
        this.prepared = prepared;
        this.chunkSize = chunkSize;
        this.scorer = scorer;
        this.depth = depth;
        this.samples = List.copyOf(samples);
        this.trios = List.copyOf(trios);
        this.minDeNovoQuality = minDeNovoQuality;
        this.out = out;
    }

    @Override
    public void accept(VariantCall call) {
        if (!chunk.isEmpty() && apart(chunk.get(chunk.size() - 1), call)) {
            if (chunk.size() - from >= chunkSize) {
                flush(); // a natural end: nothing beyond it matters to the chunk
            }
        } else if (chunk.size() - from > chunkSize && apart(chunk.get(from + chunkSize - 1), call)) {
            emitWithContext(); // dense calls: never more than a chunk and its context held
        }
        chunk.add(call);
    }

    private static boolean apart(VariantCall last, VariantCall next) {
        return !last.contig().equals(next.contig()) || next.position() - last.position() > NEIGHBOURHOOD;
    }

    /** Scores and hands on the calls still held. */
    @Override
    public void close() {
        flush();
    }

    /** The de novo calls so far, in genome order: few, one per call and child. */
    List<DeNovoCalls.Call> deNovo() {
        return deNovo;
    }

    private void flush() {
        if (chunk.size() > from) {
            emit(scorer.score(chunk, prepared, depth, false).calls().subList(from, chunk.size()));
        }
        chunk = new ArrayList<>();
        from = 0;
    }

    /**
     * Scores the held calls (those before {@link #from} only as context) and hands on {@code chunkSize} of them, whose
     * neighbours within {@link #NEIGHBOURHOOD} bp on both sides are all held; keeps as the next context the calls within
     * that distance of the next call to hand on.
     */
    private void emitWithContext() {
        int end = from + chunkSize;
        emit(scorer.score(chunk, prepared, depth, false).calls().subList(from, end));
        int keep = end;
        while (keep > 0 && !apart(chunk.get(keep - 1), chunk.get(end))) {
            keep--;
        }
        chunk = new ArrayList<>(chunk.subList(keep, chunk.size()));
        from = end - keep;
    }

    private void emit(List<VariantCall> scored) {
        DeNovoCalls.Result named = DeNovoCalls.name(scored, samples, trios, minDeNovoQuality);
        deNovo.addAll(named.deNovo());
        named.calls().forEach(out);
    }
}
