// Streams every person for the projection, by id: the same order however they were stored (someone deleted and
// restored comes back in their place), since the layout and the communities follow node order.
// Parameters: none
// Returns: id, name, sectors, offers, seeks
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, coalesce(p.sectors, []) AS sectors, coalesce(p.offers, []) AS offers,
       coalesce(p.seeks, []) AS seeks
ORDER BY id
