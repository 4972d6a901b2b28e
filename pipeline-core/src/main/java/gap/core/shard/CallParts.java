package gap.core.shard;

import gap.core.model.Shard;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a run's spill pieces in genome order (each a shard's calls in one position bin, with its first and last
 * position), gives the parts of pass 2: runs of whole position bins that begin only where the next call is more than
 * {@link ScoringStream#NEIGHBOURHOOD} bp from the last one, or on another contig. A part is then scored alone and gives
 * exactly the calls the whole stream gives, and since bins are the genome's, not the shard plan's, the parts (and so
 * the VCF's BGZF blocks) are the same whatever {@code --shard-size}, threads or executors.
 */
final class CallParts {
    private CallParts() {}

    /** One part: its index in genome order and its pieces, in order. */
    record Part(int index, List<ShardSpill.Piece> pieces) implements java.io.Serializable {
        Part {
            pieces = List.copyOf(pieces);
        }

        /** The part as a {@link Shard} for the {@link ShardExecutor}: its index, where it begins (for messages). */
        Shard asShard() {
            ShardSpill.Piece first = pieces.get(0);
            return new Shard(index, first.contig(), first.first(), Math.max(first.first(), first.last()), 0);
        }

        long calls() {
            return pieces.stream().mapToLong(ShardSpill.Piece::calls).sum();
        }
    }

    static List<Part> plan(List<ShardSpill.Piece> pieces) {
        List<Part> parts = new ArrayList<>();
        List<ShardSpill.Piece> current = new ArrayList<>();
        ShardSpill.Piece last = null;
        for (ShardSpill.Piece piece : pieces) {
            if (piece.calls() == 0) {
                continue;
            }
            boolean sameBin = last != null && last.contig().equals(piece.contig()) && last.bin() == piece.bin();
            boolean apart = last == null || !last.contig().equals(piece.contig())
                    || piece.first() - last.last() > ScoringStream.NEIGHBOURHOOD;
            if (!sameBin && apart && !current.isEmpty()) {
                parts.add(new Part(parts.size(), current));
                current = new ArrayList<>();
            }
            current.add(piece);
            last = piece;
        }
        if (!current.isEmpty()) {
            parts.add(new Part(parts.size(), current));
        }
        return parts;
    }
}
