// Everything deleting a person takes with them (see delete-person), whole, so that it can be put back: the person,
// their trust ties given and received, the events only they drove (with all their links), their part in events
// others drove too, the events of others that reached them, their introductions and the dismissals naming them.
// Parameters: $id
// Returns: person, ties, events, drove, reached, introductions, dismissals (no row for an unknown id)
MATCH (p:Person {id: $id})
RETURN
  {id: p.id, name: p.name, sectors: coalesce(p.sectors, []), offers: coalesce(p.offers, []), seeks: coalesce(p.seeks, [])} AS person,
  COLLECT {
    MATCH (p)-[k:KNOWS]-(:Person)
    WITH DISTINCT k
    RETURN {id: k.id, from: startNode(k).id, to: endNode(k).id, trust: k.trust, sinceMs: k.since.epochMillis,
            lastContactMs: k.lastContact.epochMillis} AS tie
  } AS ties,
  COLLECT {
    MATCH (p)-[:DROVE]->(e:Event)
    WHERE NOT EXISTS { MATCH (other:Person)-[:DROVE]->(e) WHERE other <> p }
    WITH DISTINCT e
    RETURN {id: e.id, title: e.title, atMs: e.at.epochMillis, kind: e.kind, sector: e.sector, medium: e.medium,
            valence: e.valence, magnitude: e.magnitude, fade: e.fade,
            drivers: [(x:Person)-[d:DROVE]->(e) | {person: x.id, role: d.role}],
            reached: [(e)-[r:REACHED]->(y:Person) | {person: y.id, weight: r.weight}]} AS event
  } AS events,
  COLLECT {
    MATCH (p)-[d:DROVE]->(e:Event)
    WHERE EXISTS { MATCH (other:Person)-[:DROVE]->(e) WHERE other <> p }
    RETURN {event: e.id, role: d.role} AS link
  } AS drove,
  COLLECT {
    MATCH (e:Event)-[r:REACHED]->(p)
    WHERE NOT EXISTS { MATCH (p)-[:DROVE]->(e) } OR EXISTS { MATCH (other:Person)-[:DROVE]->(e) WHERE other <> p }
    RETURN {event: e.id, weight: r.weight} AS link
  } AS reached,
  COLLECT {
    MATCH (p)-[:MADE|INTRODUCED]-(i:Introduction)
    WITH DISTINCT i
    MATCH (x:Person)-[:MADE]->(i)
    MATCH (i)-[:INTRODUCED {side: 'a'}]->(a:Person)
    MATCH (i)-[:INTRODUCED {side: 'b'}]->(b:Person)
    RETURN {id: i.id, introducer: x.id, a: a.id, b: b.id, atMs: i.at.epochMillis, status: i.status, value: i.value,
            note: coalesce(i.note, ''), outcomeAtMs: i.outcomeAt.epochMillis} AS introduction
  } AS introductions,
  COLLECT {
    MATCH (p)-[:DISMISSED|OF]-(d:Dismissal)
    WITH DISTINCT d
    MATCH (x:Person)-[:DISMISSED]->(d)
    MATCH (d)-[:OF {side: 'a'}]->(a:Person)
    MATCH (d)-[:OF {side: 'b'}]->(b:Person)
    RETURN {id: d.id, by: x.id, a: a.id, b: b.id, atMs: d.at.epochMillis} AS dismissal
  } AS dismissals
