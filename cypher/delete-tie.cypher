// Deletes one KNOWS tie.
// Parameters: $id
// Returns: deleted
MATCH ()-[k:KNOWS {id: $id}]->()
DELETE k
RETURN 1 AS deleted
