// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/**
 * A stable, documented error code. Each module owns an enum of its codes implementing this interface, so that an API
 * client can rely on {@link #code()} (for example {@code IDENTITY-0003}) while a person reads the message of
 * {@link #messageKey()} translated into their language.
 */
public interface ErrorCode {

    /** The stable code, {@code MODULE-NNNN}. Never reused for another meaning. */
    String code();

    /** The message-bundle key of the human explanation, for example {@code error.identity.email-taken}. */
    String messageKey();

    /** The HTTP status that fits the error when it reaches the API edge. */
    int httpStatus();
}
