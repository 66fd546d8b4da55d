// SPDX-License-Identifier: Apache-2.0
/** The public OCDS API and the open-data page. */
@NullMarked
package org.baobab.opendata.web;

import org.jspecify.annotations.NullMarked;
