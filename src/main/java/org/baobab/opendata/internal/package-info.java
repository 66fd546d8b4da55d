// SPDX-License-Identifier: Apache-2.0
/** The open-data store, the OCDS serialisation and packaging; not part of the module's API. */
@NullMarked
package org.baobab.opendata.internal;

import org.jspecify.annotations.NullMarked;
