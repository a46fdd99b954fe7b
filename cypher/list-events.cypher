// A page of events, newest first, optionally only those a person drove or was reached by ($role 'any'), drove
// ('drove') or was reached by ('reached').
// Parameters: $offset, $limit, $person (id or null), $role ('any' | 'drove' | 'reached')
// Returns: id, title, atMs, kind, sector, medium, valence, magnitude, fade, drivers, reached
MATCH (e:Event)
WHERE $person IS NULL
   OR ($role <> 'reached' AND EXISTS { MATCH (:Person {id: $person})-[:DROVE]->(e) })
   OR ($role <> 'drove' AND EXISTS { MATCH (e)-[:REACHED]->(:Person {id: $person}) })
WITH e ORDER BY e.at DESC, e.id SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN e.id AS id, e.title AS title, e.at.epochMillis AS atMs, e.kind AS kind, e.sector AS sector,
       e.medium AS medium, e.valence AS valence, e.magnitude AS magnitude, e.fade AS fade,
       COLLECT { MATCH (p:Person)-[d:DROVE]->(e) RETURN {person: p.id, role: d.role} } AS drivers,
       COLLECT { MATCH (e)-[r:REACHED]->(p:Person) RETURN {person: p.id, weight: r.weight} } AS reached
