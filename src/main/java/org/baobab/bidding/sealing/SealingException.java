// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

/**
 * Anything that goes wrong while sealing or opening: a bad argument, a manifest that is not {@code BSE1}, a chunk that
 * does not authenticate, a wrong passphrase. The message says what failed, in terms a developer or an operator can act
 * on; it never contains key material.
 */
public class SealingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealingException(String message) {
        super(message);
    }

    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
