// Streams events in time order, then by id (the engine builds its table faster from sorted input, and the same data
// gives the same order however it was stored), optionally sliced by time,
// sector and medium, with their driver and reached ids.
// Parameters: $fromMs, $toMs (or null), $sector (or null), $medium (or null)
// Returns: id, atMs, kind, sector, medium, valence, magnitude, fade, drivers: [id], reached: [[id, weight]]
MATCH (e:Event)
WHERE ($fromMs IS NULL OR e.at >= datetime({epochMillis: toInteger($fromMs)}))
  AND ($toMs IS NULL OR e.at <= datetime({epochMillis: toInteger($toMs)}))
  AND ($sector IS NULL OR e.sector = $sector)
  AND ($medium IS NULL OR e.medium = $medium)
RETURN e.id AS id, e.at.epochMillis AS atMs, e.kind AS kind, e.sector AS sector, e.medium AS medium,
       e.valence AS valence, e.magnitude AS magnitude, e.fade AS fade,
       [(p:Person)-[:DROVE]->(e) | p.id] AS drivers,
       [(e)-[r:REACHED]->(p:Person) | [p.id, r.weight]] AS reached
ORDER BY e.at, e.id
