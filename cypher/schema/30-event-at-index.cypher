// Schema: range index on Event.at for time slices.
CREATE RANGE INDEX event_at IF NOT EXISTS FOR (e:Event) ON (e.at)
