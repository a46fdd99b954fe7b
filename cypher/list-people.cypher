// A page of people ordered by id, optionally filtered by a name/id substring (case-insensitive).
// Parameters: $offset, $limit, $q (string or null)
// Returns: id, name, sectors, offers, seeks
MATCH (p:Person)
WHERE $q IS NULL OR toLower(p.name) CONTAINS toLower($q) OR toLower(p.id) CONTAINS toLower($q)
RETURN p.id AS id, p.name AS name, coalesce(p.sectors, []) AS sectors, coalesce(p.offers, []) AS offers,
       coalesce(p.seeks, []) AS seeks
ORDER BY p.id
SKIP toInteger($offset) LIMIT toInteger($limit)
