<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/mot-de-passe-oublie: e-mail, CAPTCHA image and its text, "Valider". -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Mot de passe oublié</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="r" select="/page/reset"/>
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Mot de passe oublié</h1>
        <p>Saisissez l'adresse électronique de votre compte : vous recevrez par courriel un mot de passe provisoire, valable une seule fois. Votre mot de passe actuel reste valable tant que vous n'avez pas utilisé le mot de passe provisoire.</p>
        <xsl:call-template name="auth-form-errors"/>
        <form method="post" action="/auth/mot-de-passe-oublie" novalidate="novalidate">
          <xsl:call-template name="auth-csrf"/>
          <div>
            <xsl:call-template name="auth-group-class"><xsl:with-param name="field">email</xsl:with-param></xsl:call-template>
            <label class="fr-label" for="email">Adresse électronique *
              <span class="fr-hint-text">L'adresse déclarée lors de la création de votre compte, exactement.</span>
            </label>
            <input class="fr-input" type="email" id="email" name="email" autocomplete="username"
                   required="required" maxlength="254" value="{/page/values/value[@name = 'email']}">
              <xsl:call-template name="auth-describedby"><xsl:with-param name="field">email</xsl:with-param></xsl:call-template>
            </input>
            <xsl:call-template name="auth-field-errors"><xsl:with-param name="field">email</xsl:with-param></xsl:call-template>
          </div>
          <div>
            <xsl:call-template name="auth-group-class"><xsl:with-param name="field">captcha</xsl:with-param></xsl:call-template>
            <p class="fr-mb-1w">
              <img src="{$r/@captcha-src}" width="282" height="78"
                   alt="Texte de vérification à recopier (image). Si vous ne pouvez pas la lire, suivez le lien « Je ne peux pas lire l'image » ci-dessous."/>
            </p>
            <p class="fr-text--sm">
              <a class="fr-link" href="/auth/mot-de-passe-oublie">Afficher une autre image</a>
              <xsl:text> · </xsl:text>
              <a class="fr-link" href="/auth/aide-verification">Je ne peux pas lire l'image</a>
            </p>
            <label class="fr-label" for="captcha">Saisissez le texte ci-dessus *
              <span class="fr-hint-text">En respectant les majuscules et les minuscules, sans espace. L'image est valable <xsl:value-of select="$r/@captcha-minutes"/> minutes.</span>
            </label>
            <input class="fr-input" type="text" id="captcha" name="captcha" autocomplete="off"
                   autocapitalize="off" spellcheck="false" required="required" maxlength="16">
              <xsl:call-template name="auth-describedby"><xsl:with-param name="field">captcha</xsl:with-param></xsl:call-template>
            </input>
            <xsl:call-template name="auth-field-errors"><xsl:with-param name="field">captcha</xsl:with-param></xsl:call-template>
          </div>
          <ul class="fr-btns-group fr-btns-group--inline">
            <li><button class="fr-btn" type="submit">Valider</button></li>
            <li><a class="fr-btn fr-btn--secondary" href="/auth/connexion">Retour à la connexion</a></li>
          </ul>
          <p class="fr-hint-text fr-mt-2w">Les champs marqués * sont obligatoires.</p>
        </form>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>
