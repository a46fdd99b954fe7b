// What stands in the way of putting a deleted person back (see person-snapshot): someone stored under their id
// since, the people and events their records name that were deleted since, and the ids of their own records
// (events, introductions, dismissals) taken since.
// Parameters: $person (id), $people, $events (ids their records name), $ownEvents, $introductions, $dismissals (ids of their records)
// Returns: personExists, missingPeople, missingEvents, takenEvents, takenIntroductions, takenDismissals
RETURN
  EXISTS { MATCH (:Person {id: $person}) } AS personExists,
  [id IN $people WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingPeople,
  [id IN $events WHERE NOT EXISTS { MATCH (:Event {id: id}) }] AS missingEvents,
  [id IN $ownEvents WHERE EXISTS { MATCH (:Event {id: id}) }] AS takenEvents,
  [id IN $introductions WHERE EXISTS { MATCH (:Introduction {id: id}) }] AS takenIntroductions,
  [id IN $dismissals WHERE EXISTS { MATCH (:Dismissal {id: id}) }] AS takenDismissals
