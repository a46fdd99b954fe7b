// Number of KNOWS ties, optionally those touching a person.
// Parameters: $person (id or null)
// Returns: total
MATCH (a:Person)-[k:KNOWS]->(b:Person)
WHERE $person IS NULL OR a.id = $person OR b.id = $person
RETURN count(k) AS total
