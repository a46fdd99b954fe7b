// Events by id with their drivers and reached people.
// Parameters: $ids: [string]
// Returns: id, title, atMs, kind, sector, medium, valence, magnitude, fade, drivers, reached
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e.id AS id, e.title AS title, e.at.epochMillis AS atMs, e.kind AS kind, e.sector AS sector,
       e.medium AS medium, e.valence AS valence, e.magnitude AS magnitude, e.fade AS fade,
       COLLECT { MATCH (p:Person)-[d:DROVE]->(e) RETURN {person: p.id, role: d.role} } AS drivers,
       COLLECT { MATCH (e)-[r:REACHED]->(p:Person) RETURN {person: p.id, weight: r.weight} } AS reached
