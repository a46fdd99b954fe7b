// Creates one person; fails with a constraint violation when the id exists.
// Parameters: $person: { id, name, sectors, offers, seeks }
// Returns: id
CREATE (p:Person)
SET p = $person
RETURN p.id AS id
