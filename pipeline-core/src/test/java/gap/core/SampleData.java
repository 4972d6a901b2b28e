package gap.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find {@code sample-data/}: the {@code gap.sampleData} property surefire sets, else the usual place. */
public final class SampleData {
    private SampleData() {}

    public static Path dir() {
        String configured = System.getProperty("gap.sampleData");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "sample-data");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("sample-data not found at " + dir.toAbsolutePath());
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }
}
