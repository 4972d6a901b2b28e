package gap.command;

import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.shard.QcRun;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Picocli converters of the input paths that may name a patient (hospitals name files after patients): each registers
 * its path, the path's absolute form and its file name with the process's redaction as the command line is parsed,
 * before anything can print them, so a command never calls the redactor by hand. {@link #factory} makes them name
 * paths as a driver does (Hadoop paths on Spark); without it, {@code Path::of}.
 */
public final class RedactedPaths {
    private RedactedPaths() {}

    /** A converter that names a path and registers it as {@link #label}; null registers nothing. */
    abstract static class Labelled implements ITypeConverter<Path> {
        private final Function<String, Path> paths;

        Labelled(Function<String, Path> paths) {
            this.paths = paths;
        }

        @Override
        public final Path convert(String value) {
            Path path = paths.apply(value);
            String label = label(path);
            if (label != null) {
                Samples.protectPath(path, label, Redactor.process());
            }
            return path;
        }

        abstract String label(Path path);
    }

    /** A reads file ({@code -I}): "[reads]" until its header names the sample, then the sample's pseudonym. */
    public static final class Reads extends Labelled {
        public Reads() {
            this(Path::of);
        }

        Reads(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return Samples.READS_LABEL;
        }
    }

    /** A pedigree ({@code --pedigree}): "[pedigree]". */
    public static final class Pedigree extends Labelled {
        public Pedigree() {
            this(Path::of);
        }

        Pedigree(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return "[pedigree]";
        }
    }

    /** A resource of {@code gap somatic} (germline resource, population summary, panel of normals): "[resource]". */
    public static final class Resource extends Labelled {
        public Resource() {
            this(Path::of);
        }

        Resource(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return "[resource]";
        }
    }

    /** The calls {@code gap score} reads ({@code -V}): "[calls]". */
    public static final class Calls extends Labelled {
        public Calls() {
            this(Path::of);
        }

        Calls(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return "[calls]";
        }
    }

    /** The file {@code gap score} writes ({@code -O}), named by the user: "[output]". */
    public static final class Output extends Labelled {
        public Output() {
            this(Path::of);
        }

        Output(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return "[output]";
        }
    }

    /** A truth set ({@code --truth}): "[truth]", unless its name is a pseudonym's. */
    public static final class Truth extends Labelled {
        public Truth() {
            this(Path::of);
        }

        Truth(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return unlessPseudonym(path, "[truth]");
        }
    }

    /** Confident regions ({@code --confident}): "[confident regions]", unless the name is a pseudonym's. */
    public static final class Confident extends Labelled {
        public Confident() {
            this(Path::of);
        }

        Confident(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            return unlessPseudonym(path, "[confident regions]");
        }
    }

    /** The VCFs of {@code gap qc} ({@code -V}, repeatable): "[VCF 1]", "[VCF 2]", … unless named as pseudonyms. */
    public static final class Vcfs extends Labelled {
        private int given;

        public Vcfs() {
            this(Path::of);
        }

        Vcfs(Function<String, Path> paths) {
            super(paths);
        }

        @Override
        String label(Path path) {
            given++;
            return unlessPseudonym(path, "[VCF " + given + "]");
        }
    }

    /** A file whose name (less {@code .vcf}, {@code .vcf.gz}) is a pseudonym names no one: it prints as it is. */
    private static String unlessPseudonym(Path path, String label) {
        return Pseudonymiser.isPseudonym(QcRun.stem(path)) ? null : label;
    }

    /** Makes these converters name paths by {@code paths}; any other class as picocli's default factory does. */
    public static CommandLine.IFactory factory(Function<String, Path> paths) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (Labelled.class.isAssignableFrom(cls)) {
                    return cls.cast(cls.getDeclaredConstructor(Function.class).newInstance(paths));
                }
                return fallback.create(cls);
            }
        };
    }
}
