package gap.cli;

import gap.core.UserException;
import gap.core.privacy.LabKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Takes a keystore, gives a JSON file of its Parquet master keys by id, for pyarrow's KMS client; mode 600. */
final class KmsKeysFile {
    private KmsKeysFile() {}

    static void write(LabKeys keys, Path target) {
        List<String> entries = new ArrayList<>();
        for (String alias : List.of(LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN)) {
            // the pseudonymisation key never leaves the keystore: it would let anyone make pseudonyms
            if (keys.has(alias)) {
                entries.add("  \"" + alias + "\": \"" + Base64.getEncoder().encodeToString(keys.key(alias)
                        .orElseThrow()) + "\"");
            }
        }
        if (entries.isEmpty()) {
            throw new UserException("keystore " + keys.name() + " holds no Parquet key: give a clinician's,"
                    + " researcher's or the lab's keystore");
        }
        String json = "{\n" + String.join(",\n", entries) + "\n}\n";
        try {
            // created 600 before a byte is written, and never over an existing file
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(target, json, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(target.getFileName() + " exists: give a new file name (it is never overwritten)");
        } catch (IOException e) {
            throw new UserException("cannot write " + target.getFileName() + " (" + e.getClass().getSimpleName()
                    + "): check that its folder exists and is writable", e);
        }
    }
}
