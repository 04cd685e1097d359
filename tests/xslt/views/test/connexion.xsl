<?xml version="1.0" encoding="UTF-8"?>
<!-- Test view shaped like a login page: exercises the layout for a visitor
     and the text, password and csrf helpers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
	<xsl:import href="../../../../xslt/layout.xsl"/>

	<xsl:template name="title">Connexion</xsl:template>

	<xsl:template name="content">
		<div class="fr-grid-row fr-grid-row--center">
			<div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
				<h1>Connexion au portail partenaires</h1>
				<xsl:call-template name="form-errors">
					<xsl:with-param name="title">Connexion impossible</xsl:with-param>
				</xsl:call-template>
				<form method="post" action="/auth/connexion">
					<xsl:call-template name="csrf"/>
					<fieldset class="fr-fieldset" aria-labelledby="connexion-legende">
						<legend class="fr-fieldset__legend" id="connexion-legende">Se connecter avec son identifiant</legend>
						<div class="fr-fieldset__element">
							<xsl:call-template name="required-legend"/>
						</div>
						<div class="fr-fieldset__element">
							<xsl:call-template name="field-text">
								<xsl:with-param name="name" select="'identifiant'"/>
								<xsl:with-param name="label">Identifiant</xsl:with-param>
								<xsl:with-param name="hint">Votre identifiant ou votre adresse électronique</xsl:with-param>
								<xsl:with-param name="required" select="true()"/>
								<xsl:with-param name="autocomplete" select="'username'"/>
								<xsl:with-param name="spellcheck" select="'false'"/>
							</xsl:call-template>
						</div>
						<div class="fr-fieldset__element">
							<xsl:call-template name="field-password">
								<xsl:with-param name="name" select="'mot_de_passe'"/>
								<xsl:with-param name="required" select="true()"/>
							</xsl:call-template>
							<p><a class="fr-link" href="/auth/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
						</div>
						<div class="fr-fieldset__element">
							<button class="fr-btn" type="submit">Se connecter</button>
						</div>
					</fieldset>
				</form>
			</div>
		</div>
	</xsl:template>
</xsl:stylesheet>
