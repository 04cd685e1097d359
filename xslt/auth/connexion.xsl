<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/connexion: the legal notice, e-mail and password, "Mot de passe
     oublié ?", the voluntary change checkbox. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Connexion</xsl:template>

  <xsl:template name="content">
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Portail Caf partenaires : l'extranet au service des partenaires</h1>

        <xsl:if test="/page/notice[@kind = 'session-expired']">
          <div class="fr-alert fr-alert--warning fr-mb-3w" role="status">
            <p>Votre session a expiré après <xsl:value-of select="/page/login/@idle-minutes"/> minutes d'inactivité. Reconnectez-vous.</p>
          </div>
        </xsl:if>
        <xsl:if test="/page/login/@logged-out = '1'">
          <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
            <p>Vous êtes déconnecté. Pour votre sécurité, fermez votre navigateur si vous utilisez un poste partagé.</p>
          </div>
        </xsl:if>

        <xsl:call-template name="auth-legal-notice"/>
        <xsl:call-template name="auth-form-errors"/>

        <form method="post" action="/auth/connexion" novalidate="novalidate">
          <xsl:call-template name="auth-csrf"/>
          <p>Merci de saisir votre adresse électronique et votre mot de passe puis de valider votre saisie.</p>
          <div>
            <xsl:call-template name="auth-group-class"><xsl:with-param name="field">email</xsl:with-param></xsl:call-template>
            <label class="fr-label" for="email">Votre adresse électronique *</label>
            <input class="fr-input" type="email" id="email" name="email" autocomplete="username"
                   required="required" maxlength="254" value="{/page/values/value[@name = 'email']}">
              <xsl:call-template name="auth-describedby"><xsl:with-param name="field">email</xsl:with-param></xsl:call-template>
            </input>
            <xsl:call-template name="auth-field-errors"><xsl:with-param name="field">email</xsl:with-param></xsl:call-template>
          </div>
          <div>
            <xsl:call-template name="auth-group-class"><xsl:with-param name="field">password</xsl:with-param></xsl:call-template>
            <label class="fr-label" for="password">Votre mot de passe *</label>
            <input class="fr-input" type="password" id="password" name="password"
                   autocomplete="current-password" required="required">
              <xsl:call-template name="auth-describedby"><xsl:with-param name="field">password</xsl:with-param></xsl:call-template>
            </input>
            <xsl:call-template name="auth-field-errors"><xsl:with-param name="field">password</xsl:with-param></xsl:call-template>
            <p class="fr-mt-1w"><a class="fr-link" href="/auth/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
          </div>
          <div class="fr-checkbox-group fr-mb-3w">
            <input type="checkbox" id="maj" name="maj" value="1">
              <xsl:if test="/page/values/value[@name = 'maj']"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label class="fr-label" for="maj">Mettre à jour votre mot de passe
              <span class="fr-hint-text">Cochez cette case pour modifier votre mot de passe après la connexion.</span>
            </label>
          </div>
          <button class="fr-btn" type="submit">Valider</button>
          <p class="fr-hint-text fr-mt-2w">Les champs marqués * sont obligatoires.</p>
        </form>
        <p class="fr-mt-4w fr-text--sm"><a href="/auth/mentions-legales">Conditions d'accès</a></p>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>
