// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

/** Exposes package-private feed helpers to tests in other packages. */
public final class FeedsTestBridge {

    private FeedsTestBridge() {}

    public static String fold(String line) {
        return FeedsController.fold(line);
    }
}
