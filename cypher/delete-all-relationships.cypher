// Deletes a batch of Catalyst's relationships; run until it returns 0, then delete-all for the nodes. Batching
// relationships first keeps each transaction small even when people have thousands of ties.
// Parameters: $limit
// Returns: deleted
MATCH ()-[r:KNOWS|DROVE|REACHED|MADE|INTRODUCED|DISMISSED|OF]->()
WITH r LIMIT toInteger($limit)
DELETE r
RETURN count(*) AS deleted
