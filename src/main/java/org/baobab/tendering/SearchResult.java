// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.List;

/** One page of a search, with the total count of matches. */
public record SearchResult<T>(List<T> items, long total, int page, int size) {

    public SearchResult {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
