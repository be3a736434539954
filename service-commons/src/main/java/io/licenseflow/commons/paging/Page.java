package io.licenseflow.commons.paging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a list: its items and the cursor of the next page ({@code null} on the last one; pass it back as
 * {@code after}).
 */
public record Page<T>(List<T> items, String next) {

    /**
     * Reads one page of {@code entity} rows matching {@code where} (HQL over the entity's fields, with named
     * {@code parameters}), ordered by {@code createdAt} then {@code id}, which every listed entity has.
     */
    public static <E, T> Uni<Page<T>> of(Class<E> entity, String where, Map<String, Object> parameters, PageRequest request,
            Function<E, Instant> createdAt, Function<E, UUID> id, Function<E, T> view) {
        int limit = request.limit();
        Cursor after = request.after();
        String condition = after == null ? where
                : "(" + where + ") and (createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))";
        String hql = "from " + entity.getSimpleName() + " where " + condition + " order by createdAt, id";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, entity);
            parameters.forEach(query::setParameter);
            if (after != null) {
                query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
            }
            return query.setMaxResults(limit + 1).getResultList();
        }).map(rows -> {
            boolean more = rows.size() > limit;
            List<E> shown = more ? rows.subList(0, limit) : rows;
            E last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
            String next = more ? new Cursor(createdAt.apply(last), id.apply(last)).encode() : null;
            return new Page<>(shown.stream().map(view).toList(), next);
        });
    }
}
