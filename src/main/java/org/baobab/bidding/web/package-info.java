// SPDX-License-Identifier: Apache-2.0
/** The bidding module's pages and API: the public transparency page and the transparency log's JSON API. */
@NullMarked
package org.baobab.bidding.web;

import org.jspecify.annotations.NullMarked;
