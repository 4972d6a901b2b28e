package gap.core.concordance;

import gap.core.UserException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Takes an input path, gives nothing or a one-line {@link UserException} naming the file by its file name only. */
final class InputFiles {
    private InputFiles() {}

    static void requireReadable(Path path, String what) {
        if (!Files.exists(path)) {
            throw new UserException(what + " " + path.getFileName() + " does not exist: check the path");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UserException(what + " " + path.getFileName() + " is not a readable file: check the path"
                    + " and its permissions");
        }
    }
}
