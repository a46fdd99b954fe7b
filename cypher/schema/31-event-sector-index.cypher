// Schema: index on Event.sector for sector slices.
CREATE RANGE INDEX event_sector IF NOT EXISTS FOR (e:Event) ON (e.sector)
