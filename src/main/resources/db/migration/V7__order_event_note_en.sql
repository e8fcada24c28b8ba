-- Notes the system writes into an order's history are Chinese (note) with the English text beside them
-- (note_en) for API clients; a person's note has no English twin.
ALTER TABLE supervision_order_event ADD COLUMN note_en text;
