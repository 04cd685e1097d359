/* Mail is never sent from a request: handlers insert into `outbox` in their
 * own transaction and portal-mailer delivers it. */
#ifndef PORTAL_OUTBOX_H
#define PORTAL_OUTBOX_H

struct db;

/* Refuses (returns -1) an address or subject holding CR/LF or control
 * characters (header injection). 0 on success, else the db status. */
int outbox_enqueue(struct db *db, const char *to, const char *subject, const char *body);

#endif
