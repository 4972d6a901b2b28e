package gap.spark;

import gap.core.UserException;
import gap.core.model.Shard;
import gap.core.privacy.Redactor;

/**
 * What leaves an executor when a shard fails, for Spark to report to the driver and its event log: the shard, the
 * kind of failure and, for bad input, its message with the input files named by pseudonym. Never the failure's own
 * cause or message otherwise: those can quote BAM header lines, which hold patient identifiers.
 */
public final class ShardFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean userError;

    private ShardFailure(String message, boolean userError) {
        super(message);
        this.userError = userError;
    }

    /** The failure of {@code shard}; {@code names} renames the input files (see {@link SparkShardExecutor}). */
    static ShardFailure of(Shard shard, Exception failure, Redactor names) {
        String where = "shard " + shard.index() + " (" + shard.contig() + ":" + shard.start() + "-" + shard.end() + ")";
        ShardFailure out;
        if (failure instanceof UserException user) {
            out = new ShardFailure(names.redact(user.getMessage()), true);
        } else {
            out = new ShardFailure(where + " failed: " + failure.getClass().getName(), false);
        }
        out.setStackTrace(failure.getStackTrace()); // frames name code, not data
        return out;
    }

    /** True when the input is at fault (a corrupt or unsorted BAM found on an executor), not gap. */
    public boolean userError() {
        return userError;
    }
}
