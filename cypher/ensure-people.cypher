// Creates people that do not exist yet, named by their id (no lists: empty lists are not stored); leaves existing
// people untouched.
// Parameters: $ids: [string]
// Returns: created
UNWIND $ids AS id
MERGE (p:Person {id: id})
ON CREATE SET p.name = id, p._created = true
WITH p, p._created AS created
REMOVE p._created
RETURN count(created) AS created
