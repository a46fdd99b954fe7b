// Deletes one introduction and its links.
// Parameters: $id
// Returns: deleted
MATCH (i:Introduction {id: $id})
DETACH DELETE i
RETURN 1 AS deleted
