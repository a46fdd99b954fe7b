// Sets the given properties of one person.
// Parameters: $id, $patch: map of name/sectors/offers/seeks
// Returns: id (no row when the person does not exist)
MATCH (p:Person {id: $id})
SET p += $patch
RETURN p.id AS id
