package io.hazardledger.eventstore.store;

import io.hazardledger.eventstore.http.Paged;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** One page of a read-model entity and the total it is a page of, under the same filter. */
public final class ReadModelPages {
    private ReadModelPages() {
    }

    /** @param order a stable order (ending on a unique column); the root entity is {@code r} */
    public static <T> Uni<Paged<T>> page(Mutiny.Session session, Class<T> entity, ReadModelFilter filter, String order,
                                         int page, int size) {
        String from = " from " + entity.getSimpleName() + " r" + filter.where();
        var items = session.createSelectionQuery("select r" + from + " order by " + order, entity);
        var count = session.createSelectionQuery("select count(*)" + from, Long.class);
        filter.parameters().forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return items.setFirstResult(page * size).setMaxResults(size).getResultList()
                .chain(rows -> count.getSingleResult().map(total -> new Paged<>(rows, total)));
    }
}
