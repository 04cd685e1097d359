<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/mot-de-passe-oublie: e-mail, CAPTCHA image and its text, "Valider". -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Mot de passe oublié</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="r" select="/page/reset"/>
    <h1>Mot de passe oublié</h1>
    <p>Saisissez l'adresse électronique de votre compte : vous recevrez par courriel un mot de passe provisoire, valable une seule fois. Votre mot de passe actuel reste valable tant que vous n'avez pas utilisé le mot de passe provisoire.</p>
    <xsl:call-template name="form-errors"/>
    <form method="post" action="/auth/mot-de-passe-oublie" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="required-legend"/>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label">Adresse électronique</xsl:with-param>
        <xsl:with-param name="hint">L'adresse déclarée lors de la création de votre compte, exactement.</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
        <xsl:with-param name="maxlength" select="'254'"/>
        <xsl:with-param name="spellcheck" select="'false'"/>
      </xsl:call-template>
      <p class="fr-mb-1w">
        <img src="{$r/@captcha-src}" width="282" height="78"
             alt="Texte de vérification à recopier. Si vous ne pouvez pas lire cette image, suivez le lien « Je ne peux pas lire l'image »."/>
      </p>
      <p class="fr-text--sm">
        <a class="fr-link" href="/auth/mot-de-passe-oublie">Afficher une autre image</a>
        <xsl:text> · </xsl:text>
        <a class="fr-link" href="/auth/aide-verification">Je ne peux pas lire l'image</a>
      </p>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'captcha'"/>
        <xsl:with-param name="label">Saisissez le texte ci-dessus</xsl:with-param>
        <xsl:with-param name="hint">En respectant les majuscules et les minuscules, sans espace. L'image est valable <xsl:value-of select="$r/@captcha-minutes"/> minutes.</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="spellcheck" select="'false'"/>
      </xsl:call-template>
      <ul class="fr-btns-group fr-btns-group--inline fr-mt-3w">
        <li><button class="fr-btn" type="submit">Valider</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/auth/connexion">Retour à la connexion</a></li>
      </ul>
    </form>
  </xsl:template>
</xsl:stylesheet>
