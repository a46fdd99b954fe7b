// How long outcomes take: the closed introductions whose outcome is dated, how many there are, and the median
// days from each introduction to its outcome.
// Parameters: none
// Returns: dated, medianDays (null when none is dated)
MATCH (:Person)-[:MADE]->(i:Introduction)
WHERE i.outcomeAt IS NOT NULL AND i.status IN ['declined', 'succeeded', 'failed']
WITH (i.outcomeAt.epochMillis - i.at.epochMillis) / 86400000.0 AS days
RETURN count(days) AS dated, percentileCont(days, 0.5) AS medianDays
