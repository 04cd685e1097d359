<?xml version="1.0" encoding="UTF-8"?>
<!-- Steps 2, 4 and 5: controls with their message, "Actions requises" and
     "Explication"; "fin de saisie" for the providers and its untick for the
     approver; at step 5 the estimate of the entitlement. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="/page/controls/@section = 'financial'">Contrôle des données financières</xsl:when>
      <xsl:when test="/page/controls/@section = 'global' or /page/rail/@current = 5">Contrôle de la déclaration</xsl:when>
      <xsl:otherwise>Contrôle des données d'activité</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="d" select="/page/declaration"/>
    <xsl:variable name="c" select="/page/controls"/>
    <xsl:variable name="slug"><xsl:choose><xsl:when test="$c/@section = 'financial'">controle-financier</xsl:when><xsl:when test="$c/@section = 'global'">controle-global</xsl:when><xsl:otherwise>controle-activite</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:call-template name="decl-header"/>
    <h2><xsl:call-template name="title"/></h2>
    <xsl:call-template name="form-errors"/>
    <xsl:call-template name="decl-notices"/>
    <xsl:call-template name="decl-estimate"/>
    <xsl:if test="$c">
      <xsl:choose>
        <xsl:when test="$c/@count = 0">
          <div class="fr-alert fr-alert--success fr-mb-2w"><p>Les contrôles ne présentent ni anomalie ni alerte : aucune intervention n'est à réaliser.</p></div>
        </xsl:when>
        <xsl:otherwise>
          <div class="fr-alert fr-alert--warning fr-mb-2w"><p>Les contrôles présentent des anomalies ou des alertes<xsl:if test="$c/@editable"> : justifiez les données saisies dans chaque zone « Explication », ou corrigez-les</xsl:if>.</p></div>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$c/@editable">
          <form method="post" action="/declarations/declaration/{$d/@id}/{$slug}">
            <xsl:call-template name="csrf"/>
            <xsl:for-each select="$c/control">
              <xsl:call-template name="control-card">
                <xsl:with-param name="editable" select="true()"/>
              </xsl:call-template>
            </xsl:for-each>
            <ul class="fr-btns-group fr-btns-group--inline">
              <xsl:if test="$c/@section != 'global'">
                <li><a class="fr-btn fr-btn--secondary" href="/declarations/declaration/{$d/@id}/{substring-after($slug, 'controle-')}">Revenir à la saisie</a></li>
              </xsl:if>
              <li><button class="fr-btn" type="submit" name="action" value="suivant">Enregistrer et passer à l'étape suivante</button></li>
            </ul>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$c/control">
            <xsl:call-template name="control-card">
              <xsl:with-param name="editable" select="false()"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:variable name="e" select="/page/end-of-entry"/>
    <xsl:choose>
      <xsl:when test="$e/@can-tick or $e/@can-untick">
        <form method="post" action="/declarations/declaration/{$d/@id}/fin-de-saisie" class="fr-mt-3w">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="row_version" value="{$d/@row-version}"/>
          <input type="hidden" name="section" value="{$e/@section}"/>
          <xsl:choose>
            <xsl:when test="$e/@can-tick">
              <input type="hidden" name="coche" value="1"/>
              <p>Quand vos données sont complètes et contrôlées, signalez la fin de votre saisie à l'approbateur. Vous ne pourrez plus les modifier sans qu'il décoche la case.</p>
              <button class="fr-btn" type="submit">Fin de saisie</button>
            </xsl:when>
            <xsl:otherwise>
              <input type="hidden" name="coche" value="0"/>
              <p>Le fournisseur a signalé la fin de sa saisie. Décocher la case lui redonne l'accès au formulaire ; ses données ne seront plus considérées comme validées et la déclaration ne pourra pas être transmise avant qu'il les valide à nouveau.</p>
              <button class="fr-btn fr-btn--secondary" type="submit">Décocher « Fin de saisie »</button>
            </xsl:otherwise>
          </xsl:choose>
        </form>
      </xsl:when>
      <xsl:when test="$e/@done = 1">
        <p class="fr-mt-3w"><span class="fr-badge fr-badge--success">Fin de saisie signalée</span></p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- One control: message, required actions, and the explanation (a field
       when the user may still explain, else the stored text). -->
  <xsl:template name="control-card">
    <xsl:param name="editable" select="false()"/>
    <div class="fr-card fr-mb-2w decl-control" data-code="{@code}" data-severity="{@severity}">
      <div class="fr-card__body"><div class="fr-py-3w">
        <h3 class="fr-card__title"><xsl:value-of select="@severity-label"/></h3>
        <p class="fr-card__desc"><xsl:value-of select="message"/></p>
        <p><strong>Actions requises : </strong><xsl:value-of select="action"/></p>
        <xsl:choose>
          <xsl:when test="$editable">
            <xsl:call-template name="field-textarea">
              <xsl:with-param name="name" select="@input"/>
              <xsl:with-param name="label">Explication</xsl:with-param>
              <xsl:with-param name="default" select="string(explanation)"/>
              <xsl:with-param name="maxlength" select="2000"/>
              <xsl:with-param name="rows" select="3"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <p><strong>Explication : </strong>
              <xsl:choose>
                <xsl:when test="string(explanation) != ''"><xsl:value-of select="explanation"/></xsl:when>
                <xsl:otherwise>aucune</xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </div></div>
    </div>
  </xsl:template>
</xsl:stylesheet>
