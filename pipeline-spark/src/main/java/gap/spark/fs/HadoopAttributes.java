package gap.spark.fs;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.apache.hadoop.fs.FileStatus;

/** Takes a Hadoop file status, gives java.nio's basic attributes (no symbolic links, no file key). */
record HadoopAttributes(FileStatus status) implements BasicFileAttributes {
    @Override
    public FileTime lastModifiedTime() {
        return FileTime.fromMillis(status.getModificationTime());
    }

    @Override
    public FileTime lastAccessTime() {
        return FileTime.fromMillis(status.getAccessTime());
    }

    @Override
    public FileTime creationTime() {
        return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
        return status.isFile();
    }

    @Override
    public boolean isDirectory() {
        return status.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return !status.isFile() && !status.isDirectory();
    }

    @Override
    public long size() {
        return status.getLen();
    }

    @Override
    public Object fileKey() {
        return null;
    }
}
