// Deletes a person, the events only they drove, introductions they took part in, and dismissals they made or
// were named in. (COLLECT subqueries, not OPTIONAL MATCHes one after the other, whose rows would multiply.)
// Parameters: $id
// Returns: deleted (0 or 1)
MATCH (p:Person {id: $id})
WITH p,
  COLLECT {
    MATCH (p)-[:DROVE]->(e:Event)
    WHERE NOT EXISTS { MATCH (other:Person)-[:DROVE]->(e) WHERE other <> p }
    RETURN e
  } AS events,
  COLLECT { MATCH (p)-[:MADE|INTRODUCED]-(i:Introduction) RETURN DISTINCT i } AS intros,
  COLLECT { MATCH (p)-[:DISMISSED|OF]-(d:Dismissal) RETURN DISTINCT d } AS dismissals
FOREACH (e IN events | DETACH DELETE e)
FOREACH (i IN intros | DETACH DELETE i)
FOREACH (d IN dismissals | DETACH DELETE d)
DETACH DELETE p
RETURN 1 AS deleted
