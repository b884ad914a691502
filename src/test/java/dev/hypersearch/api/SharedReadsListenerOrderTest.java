package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The event stream tells a page that its search ended, and the page then reads everything once more: every other
 * listener of a search's change (the stream's among them) runs after the kept answers are dropped, whatever the
 * order the beans were registered in.
 */
class SharedReadsListenerOrderTest {

    static final SharedReads.Key CHARTS = new SharedReads.Key(1, "charts", 10);

    /** Reads the charts as a page told of the change would. */
    static class Viewer {
        final AtomicInteger computed = new AtomicInteger();
        final List<Integer> seen = new ArrayList<>();
        SharedReads reads;

        @EventListener
        void onSearchChanged(SearchChangedEvent event) {
            seen.add(reads.get(CHARTS, computed::incrementAndGet));
        }
    }

    @Test
    void answersAreDroppedBeforeAnyOtherListenerHearsOfTheChange() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(Viewer.class); // registered first
            context.registerBean(SharedReads.class, () -> new SharedReads(id -> 3));
            context.refresh();
            Viewer viewer = context.getBean(Viewer.class);
            viewer.reads = context.getBean(SharedReads.class);
            assertThat(viewer.reads.get(CHARTS, viewer.computed::incrementAndGet)).isEqualTo(1);

            context.publishEvent(new SearchChangedEvent(1, SearchStatus.COMPLETED));
            assertThat(viewer.seen).as("computed again, not the answer kept before the change").containsExactly(2);
        }
    }
}
