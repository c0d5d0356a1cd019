-- The format of a snapshot's JSON documents (estimates, diagnostics, marks, dataset). Rows written before the
-- column existed hold format 1: the JSON of the API views of that time, which format 2 reads field for field.
ALTER TABLE model_snapshot ADD COLUMN document_format INTEGER DEFAULT 1 NOT NULL;
