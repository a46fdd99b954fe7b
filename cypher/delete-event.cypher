// Deletes one event and its links.
// Parameters: $id
// Returns: deleted
MATCH (e:Event {id: $id})
DETACH DELETE e
RETURN 1 AS deleted
