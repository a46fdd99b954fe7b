// Closed introductions counted by status and by the month their outcome came in (UTC): those whose outcome is dated.
// Parameters: none
// Returns: status, year, month, count
MATCH (:Person)-[:MADE]->(i:Introduction)
WHERE i.outcomeAt IS NOT NULL AND i.status IN ['declined', 'succeeded', 'failed']
WITH i, datetime({epochMillis: i.outcomeAt.epochMillis}) AS utc
RETURN i.status AS status, utc.year AS year, utc.month AS month, count(i) AS count
ORDER BY year, month, status
