// Dismissals, newest first, optionally those one person made; with their count (the same filter).
// Parameters: $by (id or null), $offset, $limit
// Returns: id, by, a, b, atMs, total
MATCH (x:Person)-[:DISMISSED]->(d:Dismissal)
WHERE $by IS NULL OR x.id = $by
MATCH (d)-[:OF {side: 'a'}]->(a:Person)
MATCH (d)-[:OF {side: 'b'}]->(b:Person)
WITH d, x, a, b ORDER BY d.at DESC, d.id
WITH collect({id: d.id, by: x.id, a: a.id, b: b.id, atMs: d.at.epochMillis}) AS rows
WITH rows, rows[toInteger($offset)..toInteger($offset) + toInteger($limit)] AS page
// one row with a null id when the page is empty, so the total still comes back
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS r
RETURN r.id AS id, r.by AS by, r.a AS a, r.b AS b, r.atMs AS atMs, size(rows) AS total
