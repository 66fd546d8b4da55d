// SPDX-License-Identifier: Apache-2.0
/**
 * Open data: every public fact of a contracting process is published as an OCDS 1.1 release, in the transaction of the
 * change that made it public, and never changed afterwards. Producer modules call
 * {@link org.baobab.opendata.OpenData#publish} with a {@link org.baobab.opendata.ocds.Release}; anyone reads release
 * and record packages at {@code /api/ocds/…}. The format is documented in {@code docs/open-data.md}.
 */
@ApplicationModule(
        displayName = "Open data (OCDS)",
        allowedDependencies = {"shared"})
@NullMarked
package org.baobab.opendata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
