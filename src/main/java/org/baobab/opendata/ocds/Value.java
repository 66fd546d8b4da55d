// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.math.BigDecimal;

/** An amount of money in an ISO 4217 currency ({@code XOF}, {@code EUR}…). Amounts are exact decimals. */
public record Value(BigDecimal amount, String currency) {

    public static Value of(String amount, String currency) {
        return new Value(new BigDecimal(amount), currency);
    }
}
