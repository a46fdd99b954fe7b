// Streams every event with drivers (and roles) and reached people (and weights), for export.
// Parameters: none
// Returns: id, title, atMs, kind, sector, medium, valence, magnitude, fade, drivers, reached
MATCH (e:Event)
RETURN e.id AS id, e.title AS title, e.at.epochMillis AS atMs, e.kind AS kind, e.sector AS sector,
       e.medium AS medium, e.valence AS valence, e.magnitude AS magnitude, e.fade AS fade,
       [(p:Person)-[d:DROVE]->(e) | {person: p.id, role: d.role}] AS drivers,
       [(e)-[r:REACHED]->(p:Person) | {person: p.id, weight: r.weight}] AS reached
ORDER BY e.id
