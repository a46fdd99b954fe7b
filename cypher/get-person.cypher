// One person by id.
// Parameters: $id
// Returns: id, name, sectors, offers, seeks
MATCH (p:Person {id: $id})
RETURN p.id AS id, p.name AS name, coalesce(p.sectors, []) AS sectors, coalesce(p.offers, []) AS offers,
       coalesce(p.seeks, []) AS seeks
