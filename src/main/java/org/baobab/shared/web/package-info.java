// SPDX-License-Identifier: Apache-2.0
/** What every module's pages share: forms that show each error next to its field ({@link FormErrors}). */
@NullMarked
package org.baobab.shared.web;

import org.jspecify.annotations.NullMarked;
