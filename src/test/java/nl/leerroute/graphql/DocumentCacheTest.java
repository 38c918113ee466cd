package nl.leerroute.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class DocumentCacheTest {

    private final AtomicInteger parsed = new AtomicInteger();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return input.getQuery().contains("bad")
                ? new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build())
                : new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    private PreparsedDocumentEntry get(DocumentCache cache, String query) {
        return cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
    }

    @Test
    void shouldParseAValidDocumentOnceAndAnInvalidOneEveryTime() {
        DocumentCache cache = new DocumentCache(10);
        PreparsedDocumentEntry first = get(cache, "{ a }");
        assertThat(get(cache, "{ a }")).isSameAs(first);
        assertThat(parsed).hasValue(1);
        assertThat(get(cache, "{ bad }").hasErrors()).isTrue();
        assertThat(get(cache, "{ bad }").hasErrors()).isTrue();
        assertThat(parsed).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepOnlyTheMostRecentlyUsedDocuments() {
        DocumentCache cache = new DocumentCache(2);
        get(cache, "{ a }");
        get(cache, "{ b }");
        get(cache, "{ a }");
        get(cache, "{ c }"); // pushes out b, the least recently used
        assertThat(cache.size()).isEqualTo(2);
        int before = parsed.get();
        get(cache, "{ a }");
        assertThat(parsed).hasValue(before);
        get(cache, "{ b }");
        assertThat(parsed).hasValue(before + 1);
    }
}
