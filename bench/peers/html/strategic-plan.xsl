<?xml version="1.0" encoding="UTF-8"?>
<!--
  The strategic plan (flerårsplan) as one self-contained HTML file for Chromium's print to PDF,
  with the content of rodtrad's templates/strategic-plan.xml: title page with the approval,
  contents, vision, introduction, per perspective its council goals with indicator targets,
  committee contributions and environmental objectives, the red thread per perspective, and the
  budget frames.

    xsltproc bench/peers/html/strategic-plan.xsl rollup.xml > sp.html
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rodtrad:rollup:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <xsl:import href="common.xsl"/>
  <xsl:import href="chart.xsl"/>
  <xsl:import href="redthread.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="plan" select="/r:rollup/r:plan"/>
  <xsl:variable name="from" select="number($plan/@from)"/>
  <xsl:variable name="has-intro" select="boolean($plan/r:introduction)"/>
  <xsl:variable name="n-persp" select="count(/r:rollup/r:perspective)"/>
  <xsl:variable name="persp-base" select="1 + number($has-intro)"/>
  <xsl:variable name="red-number" select="$persp-base + $n-persp + 1"/>
  <xsl:variable name="has-budget" select="boolean(/r:rollup/r:budget/r:frame)"/>

  <xsl:variable name="l-strategic-plan"><xsl:call-template name="label"><xsl:with-param name="key" select="'strategicPlan'"/></xsl:call-template></xsl:variable>

  <!-- narrow columns' headers with soft hyphens, once -->
  <xsl:variable name="th-baseline"><xsl:call-template name="hyph"><xsl:with-param name="s"><xsl:call-template name="label"><xsl:with-param name="key" select="'baseline'"/></xsl:call-template></xsl:with-param></xsl:call-template></xsl:variable>

  <xsl:template match="/">
    <html lang="sv-SE">
      <xsl:call-template name="head">
        <xsl:with-param name="title" select="string($plan/@title)"/>
        <xsl:with-param name="author" select="string(/r:rollup/r:municipality/@name)"/>
        <xsl:with-param name="subject" select="concat($l-strategic-plan, ' ', $plan/@from, '–', $plan/@to)"/>
        <xsl:with-param name="keywords">
          <xsl:value-of select="$l-strategic-plan"/>, <xsl:call-template name="label"><xsl:with-param name="key" select="'councilGoal'"/></xsl:call-template>, <xsl:call-template name="label"><xsl:with-param name="key" select="'indicators'"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="header-left" select="string($plan/@title)"/>
        <xsl:with-param name="header-right">
          <xsl:value-of select="concat($plan/@documentNumber, ' · ')"/>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'revision'"/></xsl:call-template>
          <xsl:value-of select="concat(' ', $plan/@revision)"/>
        </xsl:with-param>
        <xsl:with-param name="footer-left" select="string(/r:rollup/r:municipality/@name)"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="watermark"/>
        <section class="cover">
          <p class="title"><xsl:value-of select="$plan/@title"/></p>
          <p class="subtitle"><xsl:value-of select="normalize-space(concat($l-strategic-plan, ' ', $plan/@from, '–', $plan/@to, ' · ', /r:rollup/r:municipality/@name))"/></p>
          <xsl:apply-templates select="$plan/r:approval[1]"/>
        </section>
        <nav class="toc">
          <ol><xsl:call-template name="contents"/></ol>
        </nav>
        <main>
          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="1"/><xsl:with-param name="anchor" select="'vision'"/>
            <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'vision'"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="$plan/r:vision"/><xsl:with-param name="class" select="'lead'"/></xsl:call-template>
          <xsl:if test="$has-intro">
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="2"/><xsl:with-param name="anchor" select="'introduction'"/>
              <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'introduction'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="$plan/r:introduction"/></xsl:call-template>
          </xsl:if>
          <xsl:for-each select="/r:rollup/r:perspective">
            <xsl:variable name="p" select="$persp-base + position()"/>
            <section>
              <xsl:call-template name="heading">
                <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$p"/>
                <xsl:with-param name="anchor" select="concat('perspective-', @id)"/><xsl:with-param name="text" select="@name"/>
              </xsl:call-template>
              <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="r:description"/></xsl:call-template>
              <xsl:for-each select="r:councilGoal">
                <xsl:apply-templates select="." mode="goal"><xsl:with-param name="number" select="concat($p, '.', position())"/></xsl:apply-templates>
              </xsl:for-each>
            </section>
          </xsl:for-each>
          <section>
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$red-number"/><xsl:with-param name="anchor" select="'red-thread'"/>
              <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'redThread'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <xsl:for-each select="/r:rollup/r:perspective">
              <xsl:call-template name="heading">
                <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($red-number, '.', position())"/>
                <xsl:with-param name="anchor" select="concat('red-thread-', @id)"/><xsl:with-param name="text" select="@name"/>
              </xsl:call-template>
              <xsl:call-template name="red-thread"><xsl:with-param name="width" select="470"/><xsl:with-param name="depth" select="3"/></xsl:call-template>
            </xsl:for-each>
          </section>
          <xsl:if test="$has-budget">
            <section>
              <xsl:call-template name="heading">
                <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$red-number + 1"/><xsl:with-param name="anchor" select="'budget'"/>
                <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'budget'"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
              <xsl:variable name="frames" select="/r:rollup/r:budget/r:frame[@year = /r:rollup/@year]"/>
              <xsl:if test="$frames">
                <table>
                  <colgroup><col style="width:70%"/><col style="width:30%"/></colgroup>
                  <thead><tr>
                    <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'committee'"/></xsl:call-template></th>
                    <th scope="col" class="r">
                      <xsl:call-template name="label"><xsl:with-param name="key" select="'net'"/></xsl:call-template>
                      <xsl:value-of select="concat(' ', /r:rollup/@year, ' (', /r:rollup/r:budget/@measure, ')')"/>
                    </th>
                  </tr></thead>
                  <tbody>
                    <xsl:for-each select="$frames">
                      <tr>
                        <td><xsl:value-of select="@name"/></td>
                        <td class="r"><xsl:call-template name="num"><xsl:with-param name="value" select="@net"/><xsl:with-param name="decimals" select="1"/></xsl:call-template></td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </xsl:if>
            </section>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- <approval select="/rollup/plan/approval"/>: a key-value table -->
  <xsl:template match="r:approval">
    <table class="kv">
      <colgroup><col style="width:33.3%"/><col style="width:66.7%"/></colgroup>
      <tbody>
        <xsl:call-template name="kv"><xsl:with-param name="key" select="'approvedBy'"/><xsl:with-param name="value" select="@by"/></xsl:call-template>
        <xsl:call-template name="kv"><xsl:with-param name="key" select="'approvalDate'"/><xsl:with-param name="value" select="@date"/></xsl:call-template>
        <xsl:call-template name="kv"><xsl:with-param name="key" select="'revision'"/><xsl:with-param name="value" select="@revision"/></xsl:call-template>
        <xsl:call-template name="kv"><xsl:with-param name="key" select="'decision'"/><xsl:with-param name="value" select="@reference"/></xsl:call-template>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="kv">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <tr>
        <th scope="row"><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></th>
        <td><xsl:value-of select="$value"/></td>
      </tr>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:councilGoal" mode="goal">
    <xsl:param name="number"/>
    <section>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="$number"/>
        <xsl:with-param name="anchor" select="concat('goal-', @id)"/><xsl:with-param name="text" select="concat(@id, ' ', @title)"/>
      </xsl:call-template>
      <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="r:description"/></xsl:call-template>
      <xsl:if test="r:indicator">
        <table>
          <colgroup><col style="width:42%"/><col style="width:14%"/><col style="width:11%"/><col style="width:11%"/><col style="width:11%"/><col style="width:11%"/></colgroup>
          <thead><tr>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'indicator'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'measure'"/></xsl:call-template></th>
            <th scope="col" class="r"><xsl:value-of select="$th-baseline"/></th>
            <th scope="col" class="r"><xsl:call-template name="label"><xsl:with-param name="key" select="'target'"/></xsl:call-template><xsl:value-of select="concat(' ', $from)"/></th>
            <th scope="col" class="r"><xsl:call-template name="label"><xsl:with-param name="key" select="'target'"/></xsl:call-template><xsl:value-of select="concat(' ', $from + 1)"/></th>
            <th scope="col" class="r"><xsl:call-template name="label"><xsl:with-param name="key" select="'target'"/></xsl:call-template><xsl:value-of select="concat(' ', $plan/@to)"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="r:indicator">
              <tr>
                <td><xsl:value-of select="normalize-space(@name)"/></td>
                <td><xsl:call-template name="hyph"><xsl:with-param name="s" select="normalize-space(@measure)"/><xsl:with-param name="min" select="16"/></xsl:call-template></td>
                <td class="r"><xsl:call-template name="num-ctx"><xsl:with-param name="value" select="r:baseline/@value"/></xsl:call-template></td>
                <td class="r"><xsl:call-template name="num-ctx"><xsl:with-param name="value" select="r:target[@year = $from]/@value"/></xsl:call-template></td>
                <td class="r"><xsl:call-template name="num-ctx"><xsl:with-param name="value" select="r:target[@year = $from + 1]/@value"/></xsl:call-template></td>
                <td class="r"><xsl:call-template name="num-ctx"><xsl:with-param name="value" select="r:target[@year = $plan/@to]/@value"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
      <xsl:if test="r:goal">
        <h3><xsl:call-template name="label"><xsl:with-param name="key" select="'committeeContributions'"/></xsl:call-template></h3>
        <table>
          <colgroup><col style="width:30%"/><col style="width:70%"/></colgroup>
          <thead><tr>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'committee'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'goal'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="r:goal">
              <tr><td><xsl:call-template name="hyph"><xsl:with-param name="s" select="@unitName"/><xsl:with-param name="min" select="16"/></xsl:call-template></td><td><xsl:value-of select="normalize-space(concat(@id, ' ', @title))"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
      <xsl:if test="r:objective">
        <h3><xsl:call-template name="label"><xsl:with-param name="key" select="'environmentalObjectives'"/></xsl:call-template></h3>
        <table>
          <colgroup><col style="width:70%"/><col style="width:15%"/><col style="width:15%"/></colgroup>
          <thead><tr>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'objective'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'due'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'owner'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="r:objective | r:objective/r:objective">
              <tr><td><xsl:value-of select="@title"/></td><td><xsl:value-of select="@deadline"/></td><td><xsl:call-template name="hyph"><xsl:with-param name="s" select="@responsible"/><xsl:with-param name="min" select="16"/></xsl:call-template></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The contents: every numbered heading of levels 1 and 2, in the order of the body -->
  <xsl:template name="contents">
    <xsl:call-template name="toc-entry">
      <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="1"/><xsl:with-param name="anchor" select="'vision'"/>
      <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'vision'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:if test="$has-intro">
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="2"/><xsl:with-param name="anchor" select="'introduction'"/>
        <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'introduction'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="/r:rollup/r:perspective">
      <xsl:variable name="p" select="$persp-base + position()"/>
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$p"/>
        <xsl:with-param name="anchor" select="concat('perspective-', @id)"/><xsl:with-param name="text" select="normalize-space(@name)"/>
      </xsl:call-template>
      <xsl:for-each select="r:councilGoal">
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($p, '.', position())"/>
          <xsl:with-param name="anchor" select="concat('goal-', @id)"/><xsl:with-param name="text" select="normalize-space(concat(@id, ' ', @title))"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:call-template name="toc-entry">
      <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$red-number"/><xsl:with-param name="anchor" select="'red-thread'"/>
      <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'redThread'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="/r:rollup/r:perspective">
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($red-number, '.', position())"/>
        <xsl:with-param name="anchor" select="concat('red-thread-', @id)"/><xsl:with-param name="text" select="normalize-space(@name)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$has-budget">
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$red-number + 1"/><xsl:with-param name="anchor" select="'budget'"/>
        <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'budget'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
