// What deleting a person takes with them (see delete-person): their trust ties, given and received, the events
// only they drove, the introductions they took part in, the dismissals they made or were named in.
// Parameters: $id
// Returns: ties, events, introductions, dismissals (no row for an unknown id)
MATCH (p:Person {id: $id})
RETURN
  COUNT { MATCH (p)-[k:KNOWS]-(:Person) RETURN DISTINCT k } AS ties,
  COUNT {
    MATCH (p)-[:DROVE]->(e:Event)
    WHERE NOT EXISTS { MATCH (other:Person)-[:DROVE]->(e) WHERE other <> p }
    RETURN DISTINCT e
  } AS events,
  COUNT { MATCH (p)-[:MADE|INTRODUCED]-(i:Introduction) RETURN DISTINCT i } AS introductions,
  COUNT { MATCH (p)-[:DISMISSED|OF]-(d:Dismissal) RETURN DISTINCT d } AS dismissals
