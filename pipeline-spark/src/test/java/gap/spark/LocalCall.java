package gap.spark;

import gap.command.CallArguments;
import gap.command.Commands;
import gap.command.JointArguments;
import gap.command.SomaticArguments;
import gap.core.shard.CallPreparation;
import gap.core.shard.CallingRun;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.SomaticPreparation;
import gap.core.shard.SomaticRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code gap call} and {@code gap somatic} as the CLI runs them, in this JVM: the shared options
 * ({@link CallArguments}, {@link SomaticArguments}), core's preparation, and core's run on {@code --threads} threads,
 * with the shared exit codes. The reference outputs every Spark run must
 * equal, made without the CLI module (the Spark driver does not depend on it).
 */
@Command(name = "gap")
final class LocalCall implements Runnable {
    @Override
    public void run() {
        throw new IllegalStateException("give the call or somatic command");
    }

    /** {@code call …} as {@code gap call …}, {@code somatic …} as {@code gap somatic …}; gives the exit code. */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new LocalCall());
        cli.addSubcommand("call", new Call());
        cli.addSubcommand("joint", new Joint());
        cli.addSubcommand("somatic", new Somatic());
        return Commands.withErrorHandling(cli).execute(args);
    }

    @Command(name = "call")
    static final class Call implements Callable<Integer> {
        @Mixin
        CallArguments call;

        @Option(names = "--threads")
        int threads = 2;

        @Override
        public Integer call() {
            CallingRun.run(CallPreparation.prepare(call.options(Path::of)), new LocalShardExecutor(threads));
            return Commands.EXIT_OK;
        }
    }

    @Command(name = "joint")
    static final class Joint implements Callable<Integer> {
        @Mixin
        JointArguments joint;

        @Option(names = "--threads")
        int threads = 2;

        @Override
        public Integer call() {
            CallingRun.run(CallPreparation.prepare(joint.options(Path::of)), new LocalShardExecutor(threads));
            return Commands.EXIT_OK;
        }
    }

    @Command(name = "somatic")
    static final class Somatic implements Callable<Integer> {
        @Mixin
        SomaticArguments somatic;

        @Option(names = "--threads")
        int threads = 2;

        @Override
        public Integer call() {
            SomaticRun.run(SomaticPreparation.prepare(somatic.options(Path::of)), new LocalShardExecutor(threads));
            return Commands.EXIT_OK;
        }
    }
}
