// Accounts made for one scenario with portal-admin (ops' tool), so a
// scenario that changes a password never touches the demo accounts.
'use strict';
const { admin } = require('./portal');

let n = 0;
// A Caf des Yvelines agent with a known password; returns the e-mail.
function newCafAgent(password, lastName = 'NAVIGATEUR', firstName = 'Éloïse') {
	const email = `e2e-${Date.now().toString(36)}-${++n}@example.org`;
	admin(['create-admin', '--caf', '781', '--email', email, '--last-name', lastName, '--first-name', firstName]);
	admin(['set-password', email], `${password}\n`);
	return email;
}

module.exports = { newCafAgent };
