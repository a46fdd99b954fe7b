// Introductions counted by status and by the month they were recorded in (UTC), with the sum of their values
// and how many were recorded before a time.
// Parameters: $beforeMs (epoch ms)
// Returns: status, year, month, count, value, before
MATCH (:Person)-[:MADE]->(i:Introduction)
WITH i, datetime({epochMillis: i.at.epochMillis}) AS utc
RETURN i.status AS status, utc.year AS year, utc.month AS month, count(i) AS count,
       sum(coalesce(i.value, 0.0)) AS value,
       sum(CASE WHEN i.at < datetime({epochMillis: toInteger($beforeMs)}) THEN 1 ELSE 0 END) AS before
ORDER BY year, month, status
