// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

/**
 * The digits a country writes numbers with, a per-country setting of its rule pack ({@code country.digits}):
 * {@code latin} (0–9, the default) or {@code arabic-indic} (٠–٩).
 */
public enum Digits {
    LATIN,
    ARABIC_INDIC
}
