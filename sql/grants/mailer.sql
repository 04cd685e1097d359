-- Grants of portal-mailer: it only delivers the outbox. It reads the mail
-- waiting and records each attempt; it never writes a mail's content.
GRANT SELECT ON `portail`.`outbox` TO @USER@;
GRANT UPDATE (status, attempts, next_attempt_at, sent_at, last_error)
	ON `portail`.`outbox` TO @USER@;
