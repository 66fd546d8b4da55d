// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

/** Reaches the feed controller's folding rule from the tests of this package. */
final class FeedsControllerAccess {

    private FeedsControllerAccess() {}

    static String fold(String line) {
        return org.baobab.tendering.web.FeedsTestBridge.fold(line);
    }
}
