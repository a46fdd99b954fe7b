// Deletes a batch of nodes (people, events, introductions, dismissals); run until it returns 0.
// Parameters: $limit
// Returns: deleted
MATCH (n) WHERE n:Person OR n:Event OR n:Introduction OR n:Dismissal
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
