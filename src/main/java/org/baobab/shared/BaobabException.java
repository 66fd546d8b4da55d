// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.util.List;

/**
 * A business-rule violation that the user can understand and fix. It carries an {@link ErrorCode} and the arguments
 * of its message; the web edge turns it into a translated page message or an RFC 9457 problem. Throwing it inside an
 * application service rolls the whole command back, so nothing is half-written.
 */
public class BaobabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final transient List<Object> arguments;

    public BaobabException(ErrorCode errorCode, Object... arguments) {
        super(errorCode.code());
        this.errorCode = errorCode;
        this.arguments = List.of(arguments);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
