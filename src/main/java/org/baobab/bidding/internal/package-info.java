// SPDX-License-Identifier: Apache-2.0
/** The bidding module's storage and jobs: the transparency log's tables and the signing of tree heads. */
@NullMarked
package org.baobab.bidding.internal;

import org.jspecify.annotations.NullMarked;
