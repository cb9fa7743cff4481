package io.certana.provenance.anchor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code data} field of an Ethereum transaction that anchors a batch root: the 8 ASCII bytes
 * {@code CERTANA1} followed by the 32-byte root, 40 bytes in all. The tag lets anyone reading the
 * chain tell Certana anchors from other transactions of the account, and its last character is the
 * format version.
 */
public final class AnchorTransactionData {

    /** The tag that starts the data, ASCII. */
    public static final byte[] MAGIC = "CERTANA1".getBytes(StandardCharsets.US_ASCII);

    /** Length of a batch root, in bytes. */
    public static final int ROOT_BYTES = 32;

    /** Length of the whole data field, in bytes. */
    public static final int LENGTH = MAGIC.length + ROOT_BYTES;

    private AnchorTransactionData() {
    }

    /** Returns the data field that anchors this root. */
    public static byte[] encode(byte[] batchRoot) {
        if (batchRoot.length != ROOT_BYTES) {
            throw new IllegalArgumentException("a batch root has " + ROOT_BYTES + " bytes, got " + batchRoot.length);
        }
        byte[] data = Arrays.copyOf(MAGIC, LENGTH);
        System.arraycopy(batchRoot, 0, data, MAGIC.length, ROOT_BYTES);
        return data;
    }

    /** Returns the root a data field anchors, or empty when it is not a Certana anchor. */
    public static Optional<byte[]> decode(byte[] data) {
        if (data == null || data.length != LENGTH || !Arrays.equals(MAGIC, 0, MAGIC.length, data, 0, MAGIC.length)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(data, MAGIC.length, LENGTH));
    }
}
