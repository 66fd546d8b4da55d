// SPDX-License-Identifier: Apache-2.0
/** HTTP plumbing every page and API shares: which forwarded headers are believed (docs/security.md). */
@NullMarked
package org.baobab.shared.http;

import org.jspecify.annotations.NullMarked;
