// Streams every person for the projection.
// Parameters: none
// Returns: id, name, sectors, offers, seeks
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, coalesce(p.sectors, []) AS sectors, coalesce(p.offers, []) AS offers,
       coalesce(p.seeks, []) AS seeks
