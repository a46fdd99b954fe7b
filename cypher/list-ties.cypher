// A page of KNOWS ties, optionally those touching a person: the ones the person gives ($direction 'out': from
// them), receives ('in': to them) or both ('both'). Ordered by id, or by trust, highest first, then id ($order 'trust').
// Parameters: $offset, $limit, $person (id or null), $direction ('out' | 'in' | 'both'), $order ('id' | 'trust')
// Returns: id, from, to, trust, sinceMs, lastContactMs
MATCH (a:Person)-[k:KNOWS]->(b:Person)
WHERE $person IS NULL OR ($direction <> 'in' AND a.id = $person) OR ($direction <> 'out' AND b.id = $person)
RETURN k.id AS id, a.id AS from, b.id AS to, k.trust AS trust, k.since.epochMillis AS sinceMs,
       k.lastContact.epochMillis AS lastContactMs
ORDER BY CASE WHEN $order = 'trust' THEN -coalesce(k.trust, 0) ELSE 0 END, k.id
SKIP toInteger($offset) LIMIT toInteger($limit)
