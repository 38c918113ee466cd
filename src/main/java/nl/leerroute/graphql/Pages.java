package nl.leerroute.graphql;

import java.util.List;
import java.util.function.BiFunction;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/** Offset-based Relay pages: every list that can grow is served a page of at most {@link #MAX_PAGE}. */
public final class Pages {

    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 20;

    private Pages() {
    }

    /**
     * @param fetch (offset, limit) -> items; asked for one more than the page to know whether a next page exists
     */
    public static <T> Window<T> window(ScrollSubrange subrange, BiFunction<Integer, Integer, List<T>> fetch) {
        if (!subrange.forward()) {
            throw new IllegalArgumentException("Paging backwards (last/before) is not supported; use first/after");
        }
        int size = subrange.count().orElse(DEFAULT_PAGE);
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("'first' must be between 1 and " + MAX_PAGE + ", got " + size);
        }
        // Spring Data's convention: a position names the last element seen, the page starts after it.
        int offset = subrange.position()
                .map(p -> p instanceof OffsetScrollPosition o && !o.isInitial() ? (int) o.getOffset() + 1 : 0)
                .orElse(0);
        List<T> items = fetch.apply(offset, size + 1);
        boolean hasNext = items.size() > size;
        List<T> page = hasNext ? items.subList(0, size) : items;
        return Window.from(page, index -> ScrollPosition.offset(offset + index), hasNext);
    }
}
