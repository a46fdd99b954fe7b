// The people whose id is $base or $base followed by "-" and more: the ids a name-made id would clash with.
// Parameters: $base: string
// Returns: id
MATCH (p:Person)
WHERE p.id = $base OR p.id STARTS WITH $base + '-'
RETURN p.id AS id
