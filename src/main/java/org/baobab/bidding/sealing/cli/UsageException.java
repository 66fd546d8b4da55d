// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

/** Wrong usage: the tool prints the message and its usage, and exits with 64. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
