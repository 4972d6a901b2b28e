package gap.core;

/**
 * A problem with the user's input or command, not a bug: the driver prints its message as one line and exits 2.
 * Messages say what is wrong and what to do, name files by their file name, and never quote read-group or
 * sample fields, which can hold patient identifiers.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
