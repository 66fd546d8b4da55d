// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/** Thrown when the thing asked for does not exist (or the caller may not know that it exists): a 404. */
public class NotFoundException extends BaobabException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(Object what) {
        super(SharedErrorCode.NOT_FOUND, what);
    }
}
