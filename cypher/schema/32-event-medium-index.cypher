// Schema: index on Event.medium for medium slices.
CREATE RANGE INDEX event_medium IF NOT EXISTS FOR (e:Event) ON (e.medium)
