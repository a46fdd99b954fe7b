// Waits until every index and constraint is online (populated), failing after the timeout.
// Parameters: $timeoutSeconds
// Returns: nothing
CALL db.awaitIndexes(toInteger($timeoutSeconds))
