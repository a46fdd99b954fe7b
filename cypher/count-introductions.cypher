// Number of introductions, optionally those a person made or was part of.
// Parameters: $person (id or null)
// Returns: total
MATCH (x:Person)-[:MADE]->(i:Introduction)
WHERE $person IS NULL OR x.id = $person OR EXISTS { MATCH (i)-[:INTRODUCED]->(:Person {id: $person}) }
RETURN count(i) AS total
