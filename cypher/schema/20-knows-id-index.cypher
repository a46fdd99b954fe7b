// Schema: lookup index on KNOWS.id. A tie is identified by its ordered pair (one KNOWS per pair, written with
// MERGE) and its id defaults to "from->to"; the service refuses a custom id that is taken. A uniqueness
// constraint here halved import speed (measured), so this is a plain range index.
CREATE RANGE INDEX knows_id IF NOT EXISTS FOR ()-[k:KNOWS]-() ON (k.id)
