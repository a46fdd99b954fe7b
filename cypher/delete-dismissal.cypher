// Deletes one dismissal and its links.
// Parameters: $id
// Returns: deleted
MATCH (d:Dismissal {id: $id})
DETACH DELETE d
RETURN 1 AS deleted
