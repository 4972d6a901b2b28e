package gap.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Takes a Serializable object, gives its Java-serialised bytes, and back. Shard results travel as these bytes:
 * Spark 4.0's Kryo 4 cannot write Java records, and a byte array is what any serializer moves unchanged.
 */
final class JavaSerialization {
    private JavaSerialization() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a shard result could not be serialised", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T decode(byte[] bytes) {
        try (ObjectInputStream in = new ContextClassLoaderInput(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a shard result could not be read", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a shard result names a class the driver lacks", e);
        }
    }

    /** Resolves classes through the context class loader: spark-submit loads the job jar in a child loader. */
    private static final class ContextClassLoaderInput extends ObjectInputStream {
        ContextClassLoaderInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc); // primitives and the JDK's own
                }
            }
            return super.resolveClass(desc);
        }
    }
}
