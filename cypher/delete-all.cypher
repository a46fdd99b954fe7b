// Deletes a batch of nodes (people, events, introductions); run until it returns 0.
// Parameters: $limit
// Returns: deleted
MATCH (n) WHERE n:Person OR n:Event OR n:Introduction
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
