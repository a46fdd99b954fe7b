// Which of the given ids are not people.
// Parameters: $ids: [string]
// Returns: id
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {id: id})
WITH id, p WHERE p IS NULL
RETURN id
