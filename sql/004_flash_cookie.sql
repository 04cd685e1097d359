-- The flash message moved to an authenticated cookie (modules/core/flash.h):
-- writing it into the session row cost two writes per POST/redirect/GET and
-- made every worker load the session again.
ALTER TABLE session DROP COLUMN flash_kind, DROP COLUMN flash_message;
