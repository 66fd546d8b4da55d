// SPDX-License-Identifier: Apache-2.0
@NullMarked
package org.baobab.documents.internal;

import org.jspecify.annotations.NullMarked;
