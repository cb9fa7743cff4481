package io.certana.asset.anchor.evm;

/** The Ethereum node serves another chain than the configured one; the service does not start. */
public class ChainMismatchException extends IllegalStateException {

    public ChainMismatchException(String message) {
        super(message);
    }
}
