// Declarations as people reach them: the Caf opens a campaign, a partner
// user goes from the home page to a declaration and along its rail
// ("chemin de fer", six steps).
'use strict';
const { loads, follow, press, fill, choose, tick, expectPath, expectText, pathOf } = require('./browser');

const STEPS = { 1: 'activite', 2: 'controle-activite', 3: 'financier', 4: 'controle-financier',
	5: 'controle-global', 6: 'transmission' };

// The Caf instructor's "Appels de déclaration": one campaign for the facilities.
async function openCampaign(run, page, { year, type, kind = 'EAJE', facilities }) {
	await follow(page, 'Accueil');
	await follow(page, 'Appels de déclaration');
	await run.check(page, 'appels-de-declaration');
	await fill(page, 'Exercice', String(year));
	await choose(page, 'Type de déclaration', type);
	await choose(page, "Type d'activité", kind);
	await page.getByLabel(/^Date limite de déclaration/).fill(`30/06/${year + 1}`);
	for (const name of facilities) await tick(page, `${name} (`);
	await press(page, "Ouvrir l'appel de déclaration");
	await expectText(page, `${facilities.length} déclaration(s) créée(s)`);
	await run.check(page, 'appel-ouvert');
}

// From the home page to that facility's declaration (type label and year),
// then to a step of its rail when given.
async function openDeclaration(run, page, facility, type, year, step) {
	await follow(page, 'Accueil');
	await follow(page, 'Déclarer mes données');
	await run.check(page, 'equipements');
	await follow(page, `Accéder à ${facility}`);
	await run.check(page, 'equipement');
	await follow(page, `Accéder à la déclaration ${type} ${year}`);
	await run.check(page, 'declaration');
	if (step) await goToStep(page, step);
	return Number(/declaration\/(\d+)\//.exec(page.url())[1]);
}

// A step of the rail, by its number: a link unless it is the current step.
async function goToStep(page, n) {
	if (pathOf(page).endsWith(`/${STEPS[n]}`)) return;
	const rail = page.getByRole('navigation', { name: 'Étapes de la déclaration' });
	await loads(page, `step ${n} of the rail`,
		() => rail.getByRole('link', { name: new RegExp(`^${n}\\. `) }).click({ timeout: 10000 }));
	await expectPath(page, new RegExp(`/${STEPS[n]}$`), `step ${n}`);
}

module.exports = { STEPS, openCampaign, openDeclaration, goToStep };
