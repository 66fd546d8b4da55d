// SPDX-License-Identifier: Apache-2.0
@NullMarked
package org.baobab.documents.web;

import org.jspecify.annotations.NullMarked;
