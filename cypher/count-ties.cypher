// Number of KNOWS ties, optionally those touching a person (given by them, received, or both: see list-ties).
// Parameters: $person (id or null), $direction ('out' | 'in' | 'both')
// Returns: total
MATCH (a:Person)-[k:KNOWS]->(b:Person)
WHERE $person IS NULL OR ($direction <> 'in' AND a.id = $person) OR ($direction <> 'out' AND b.id = $person)
RETURN count(k) AS total
