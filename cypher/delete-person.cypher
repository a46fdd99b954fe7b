// Deletes a person, the events only they drove, and introductions they took part in.
// Parameters: $id
// Returns: deleted (0 or 1)
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:DROVE]->(e:Event)
WHERE NOT EXISTS { MATCH (other:Person)-[:DROVE]->(e) WHERE other <> p }
OPTIONAL MATCH (p)-[:MADE|INTRODUCED]-(i:Introduction)
WITH p, collect(DISTINCT e) AS events, collect(DISTINCT i) AS intros
FOREACH (e IN events | DETACH DELETE e)
FOREACH (i IN intros | DETACH DELETE i)
DETACH DELETE p
RETURN 1 AS deleted
