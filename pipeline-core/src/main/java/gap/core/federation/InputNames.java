package gap.core.federation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a command's input paths, gives how messages name them: the file name, with the input's position when
 * several share it (every run writes a {@code calls.parquet}). Never the directories, which may be named after
 * patients.
 */
final class InputNames {
    private InputNames() {}

    static List<String> of(List<Path> inputs) {
        List<String> names = new ArrayList<>();
        List<String> fileNames = inputs.stream().map(p -> p.getFileName().toString()).toList();
        for (int i = 0; i < inputs.size(); i++) {
            String name = fileNames.get(i);
            boolean shared = fileNames.indexOf(name) != fileNames.lastIndexOf(name);
            names.add(shared ? name + " (input " + (i + 1) + ")" : name);
        }
        return names;
    }
}
