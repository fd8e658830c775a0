package io.hazardledger.eventstore.store;

import io.hazardledger.eventstore.http.Paged;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;

/** One page of a read-model entity and the total it is a page of, under the same filter. */
public final class ReadModelPages {
    private ReadModelPages() {
    }

    /**
     * @param conditions HQL conditions joined with {@code and}; none: every row
     * @param parameters the named parameters the conditions use
     * @param order      a stable order (ending on a unique column)
     */
    public static <T> Uni<Paged<T>> page(Mutiny.Session session, Class<T> entity, List<String> conditions,
                                         Map<String, Object> parameters, String order, int page, int size) {
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var items = session.createSelectionQuery("from " + entity.getSimpleName() + filter + " order by " + order, entity);
        var count = session.createSelectionQuery("select count(*) from " + entity.getSimpleName() + filter, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return items.setFirstResult(page * size).setMaxResults(size).getResultList()
                .chain(rows -> count.getSingleResult().map(total -> new Paged<>(rows, total)));
    }
}
