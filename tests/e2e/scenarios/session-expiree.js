// A session that expires during data entry (30 minutes idle): the values
// typed in the form are posted after the expiry; the portal asks to sign in
// again, then brings the person back to the same step with every value
// kept and a notice saying so; saving them then works.
'use strict';
const { setClockOffset, freshYear } = require('../lib/portal');
const { openCampaign, openDeclaration } = require('../lib/rail');
const { expect, expectPath, expectText, press, tick, signIn } = require('../lib/browser');

const HADDAD = ['karim.haddad@example.org', 'Loutre-agile81']; // Villiers: activity + financial
const INSTRUCTOR = ['nadia.benali@example.fr', 'Pivoine-claire63'];
const FACILITY = "Multi-accueil Pomme d'Api";
const TYPED = [
	[/^Nombre de places agréées/, '20'],
	[/^Nombre de jours d'ouverture/, '221'],
	[/^Amplitude d'ouverture quotidienne/, '10,5'],
	[/^Nombre d'heures réalisées/, '27 777'],
	[/^Nombre d'heures facturées/, '28 888'],
];

module.exports = async function sessionExpiree(run) {
	const year = freshYear();
	const caf = await run.person('caf-instructrice');
	await signIn(run, caf, ...INSTRUCTOR);
	await openCampaign(run, caf, { year, type: 'Prévisionnelle', facilities: [FACILITY] });

	const page = await run.person('agent-administratif');
	await signIn(run, page, ...HADDAD);
	const decl = await openDeclaration(run, page, FACILITY, 'Prévisionnelle', year, 1);
	for (const [label, value] of TYPED) await page.getByLabel(label).fill(value);
	await tick(page, "L'établissement fournit les repas");
	expect(await page.getByLabel(/^L'établissement fournit les repas/).isChecked(), 'the box did not tick');

	// Lunch: 31 minutes later, "Enregistrer".
	await setClockOffset(31 * 60);
	await press(page, 'Enregistrer');
	await expectPath(page, '/auth/connexion', 'a post after the expiry');
	await expectText(page, 'expiré');
	await run.check(page, 'session-expiree');
	await page.getByLabel(/^Votre adresse électronique/).fill(HADDAD[0]);
	await page.getByLabel(/^Votre mot de passe/).fill(HADDAD[1]);
	await press(page, 'Valider');
	await expectPath(page, `/declarations/declaration/${decl}/activite`, 'back after signing in again');
	await expectText(page, 'Votre session avait expiré');
	await run.check(page, 'saisie-retrouvee');
	for (const [label, value] of TYPED) {
		const got = await page.getByLabel(label).inputValue();
		expect(got === value, `${label}: "${got}" after signing in again, "${value}" typed`);
	}
	expect(await page.getByLabel(/^L'établissement fournit les repas/).isChecked(), 'the ticked box was lost');
	await press(page, 'Enregistrer');
	await expectPath(page, `/declarations/declaration/${decl}/activite`, 'saved');
	await run.check(page, 'saisie-enregistree');
	await expectText(page, 'Vos données ont été enregistrées.', 'the save after signing in again');
	const saved = (await page.getByLabel(/^Nombre d'heures réalisées/).inputValue()).replace(/\s/g, ' ');
	expect(saved === '27 777,00', `hours performed after the save: "${saved}"`);
};
