package gap.core.shard;

import gap.core.io.ReadFilters;
import gap.core.cnv.BinCounter;
import gap.core.cnv.BinCounts;
import gap.core.cnv.SampleDepth;
import gap.core.io.ReadSource;
import gap.core.model.RefWindow;
import gap.core.io.ReferenceSource;
import gap.core.model.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes samples' reads and a shard plan, gives each sample's depth bins: the bins {@code gap call --cnv-panel} counts
 * while calling, by the same classes and read filters, for {@code gap cnv-panel} over normals (no calling). Shards run
 * on a {@link ShardExecutor}; their counts add up in any order.
 */
public final class DepthRun {
    /** What one shard counted, per sample in order. */
    private record Counted(Shard shard, List<BinCounts> bins, long reads) {}

    private DepthRun() {}

    public static List<SampleDepth> run(Path reference, List<Path> reads, List<Path> indexes, int minMappingQuality,
                                        int binSize, List<Shard> shards, ShardExecutor executor,
                                        ProgressMeter progress) {
        List<SampleDepth> depth = new ArrayList<>();
        for (int s = 0; s < reads.size(); s++) {
            depth.add(new SampleDepth(binSize));
        }
        executor.forEachInOrder(shards, () -> {
            List<ReadSource> sources = new ArrayList<>();
            for (int s = 0; s < reads.size(); s++) {
                sources.add(new ReadSource(reads.get(s), indexes.get(s), reference,
                        new ReadFilters(minMappingQuality)));
            }
            return new Worker(sources, new ReferenceSource(reference), binSize);
        }, worker -> worker::count, (Counted c) -> {
            for (int s = 0; s < depth.size(); s++) {
                depth.get(s).add(c.bins().get(s));
            }
            progress.update(c.shard().contig() + ":" + c.shard().end(), c.reads(),
                    c.shard().end() - c.shard().start() + 1L);
        });
        return depth;
    }

    /** One thread's readers. */
    private record Worker(List<ReadSource> reads, ReferenceSource reference, int binSize) implements AutoCloseable {
        Counted count(Shard shard) {
            int length = reference.dictionary().getSequence(shard.contig()).getSequenceLength();
            RefWindow ref = reference.window(shard.contig(), shard.start(), shard.end());
            List<BinCounts> bins = new ArrayList<>();
            long seen = 0;
            for (ReadSource source : reads) {
                BinCounter counter = new BinCounter(shard, binSize, length);
                seen += source.query(shard, counter).counts().seen();
                bins.add(counter.result(ref));
            }
            return new Counted(shard, bins, seen);
        }

        @Override
        public void close() {
            try (reference) {
                reads.forEach(ReadSource::close);
            }
        }
    }
}
