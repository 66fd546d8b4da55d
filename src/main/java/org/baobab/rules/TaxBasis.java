// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

/** Whether an amount is before tax (hors taxes, HT) or all taxes included (toutes taxes comprises, TTC). */
public enum TaxBasis {
    HT,
    TTC
}
