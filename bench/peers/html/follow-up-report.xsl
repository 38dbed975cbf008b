<?xml version="1.0" encoding="UTF-8"?>
<!--
  The follow-up report (tertial, delår, helår) as one self-contained HTML file for Chromium's
  print to PDF, with the content of rodtrad's templates/follow-up-report.xml: title page,
  contents, the summary of goal fulfilment, per council goal its assessment, analysis, indicator
  status table and one bar chart per indicator, committee contributions and environmental
  objectives, then the committees' goals and analyses, and every committee goal's activities.

    xsltproc bench/peers/html/follow-up-report.xsl rollup.xml > fu.html
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rodtrad:rollup:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <xsl:import href="common.xsl"/>
  <xsl:import href="chart.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <!-- committee goals by the committee that owns them (the forEach over committees) -->
  <xsl:key name="goals-by-unit" match="r:perspective/r:councilGoal/r:goal" use="@unit"/>

  <xsl:variable name="plan" select="/r:rollup/r:plan"/>
  <xsl:variable name="year" select="string(/r:rollup/@year)"/>
  <xsl:variable name="n-persp" select="count(/r:rollup/r:perspective)"/>
  <xsl:variable name="committees-number" select="$n-persp + 2"/>
  <xsl:variable name="activities-number" select="$n-persp + 3"/>
  <xsl:variable name="committees" select="/r:rollup/r:organisation/r:unit[@type = 'committee' or @type = 'executive-board'][key('goals-by-unit', @id)]"/>
  <xsl:variable name="activity-goals" select="/r:rollup/r:perspective/r:councilGoal/r:goal[.//r:activity]"/>

  <xsl:variable name="l-report"><xsl:call-template name="label"><xsl:with-param name="key" select="'followUpReport'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-kind"><xsl:call-template name="label-of"><xsl:with-param name="key" select="/r:rollup/@kind"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-fulfilment"><xsl:call-template name="label"><xsl:with-param name="key" select="'goalFulfilment'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-of"><xsl:call-template name="label"><xsl:with-param name="key" select="'of'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-assessment"><xsl:call-template name="label"><xsl:with-param name="key" select="'assessment'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-goal"><xsl:call-template name="label"><xsl:with-param name="key" select="'goal'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-council-goal"><xsl:call-template name="label"><xsl:with-param name="key" select="'councilGoal'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-committee"><xsl:call-template name="label"><xsl:with-param name="key" select="'committee'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-activities"><xsl:call-template name="label"><xsl:with-param name="key" select="'activities'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-activity"><xsl:call-template name="label"><xsl:with-param name="key" select="'activity'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-owner"><xsl:call-template name="label"><xsl:with-param name="key" select="'owner'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-due"><xsl:call-template name="label"><xsl:with-param name="key" select="'due'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-status"><xsl:call-template name="label"><xsl:with-param name="key" select="'status'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="l-committee-fulfilment"><xsl:call-template name="label"><xsl:with-param name="key" select="'committeeFulfilment'"/></xsl:call-template></xsl:variable>

  <!-- narrow columns' headers with soft hyphens, once -->
  <xsl:variable name="th-activities"><xsl:call-template name="hyph"><xsl:with-param name="s"><xsl:value-of select="$l-activities"/></xsl:with-param></xsl:call-template></xsl:variable>
  <xsl:variable name="th-progress"><xsl:call-template name="hyph"><xsl:with-param name="s"><xsl:call-template name="label"><xsl:with-param name="key" select="'progress'"/></xsl:call-template></xsl:with-param></xsl:call-template></xsl:variable>

  <xsl:template match="/">
    <html lang="sv-SE">
      <xsl:call-template name="head">
        <xsl:with-param name="title" select="concat($l-report, ' ', $year, ' – ', /r:rollup/r:municipality/@name)"/>
        <xsl:with-param name="author" select="string(/r:rollup/r:municipality/@name)"/>
        <xsl:with-param name="subject" select="concat($l-fulfilment, ' ', /r:rollup/@period)"/>
        <xsl:with-param name="keywords" select="concat($l-report, ', ', $l-fulfilment)"/>
        <xsl:with-param name="header-left" select="concat($l-report, ' ', $year, ', ', $l-kind)"/>
        <xsl:with-param name="header-right" select="string($plan/@title)"/>
        <xsl:with-param name="footer-left" select="string(/r:rollup/r:municipality/@name)"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="watermark"/>
        <section class="cover">
          <p class="title"><xsl:value-of select="concat($l-report, ' ', $year)"/></p>
          <p class="subtitle"><xsl:value-of select="normalize-space(concat($l-kind, ' · ', $plan/@title, ' · ', /r:rollup/r:municipality/@name))"/></p>
        </section>
        <nav class="toc">
          <ol><xsl:call-template name="contents"/></ol>
        </nav>
        <main>
          <section>
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="1"/><xsl:with-param name="anchor" select="'summary'"/>
              <xsl:with-param name="text" select="$l-fulfilment"/>
            </xsl:call-template>
            <xsl:variable name="goals" select="/r:rollup/r:perspective/r:councilGoal"/>
            <xsl:if test="$goals">
              <table>
                <colgroup><col style="width:56%"/><col style="width:26%"/><col style="width:18%"/></colgroup>
                <thead><tr>
                  <th scope="col"><xsl:value-of select="$l-council-goal"/></th>
                  <th scope="col"><xsl:value-of select="$l-assessment"/></th>
                  <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'coverage'"/></xsl:call-template></th>
                </tr></thead>
                <tbody>
                  <xsl:for-each select="$goals">
                    <tr>
                      <td><xsl:value-of select="normalize-space(concat(@id, ' ', @title))"/></td>
                      <xsl:call-template name="assessment-cell"/>
                      <td><xsl:value-of select="normalize-space(concat(r:coverage/@contributing, ' ', $l-of, ' ', r:coverage/@committees))"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </xsl:if>
          </section>
          <xsl:for-each select="/r:rollup/r:perspective">
            <xsl:variable name="p" select="1 + position()"/>
            <section>
              <xsl:call-template name="heading">
                <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$p"/>
                <xsl:with-param name="anchor" select="concat('perspective-', @id)"/><xsl:with-param name="text" select="@name"/>
              </xsl:call-template>
              <xsl:for-each select="r:councilGoal">
                <xsl:apply-templates select="." mode="goal"><xsl:with-param name="number" select="concat($p, '.', position())"/></xsl:apply-templates>
              </xsl:for-each>
            </section>
          </xsl:for-each>
          <section>
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$committees-number"/><xsl:with-param name="anchor" select="'committees'"/>
              <xsl:with-param name="text" select="$l-committee-fulfilment"/>
            </xsl:call-template>
            <xsl:for-each select="$committees">
              <xsl:call-template name="heading">
                <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($committees-number, '.', position())"/>
                <xsl:with-param name="anchor" select="concat('committee-', @id)"/><xsl:with-param name="text" select="@name"/>
              </xsl:call-template>
              <xsl:variable name="goals" select="key('goals-by-unit', @id)"/>
              <table>
                <colgroup><col style="width:48%"/><col style="width:12%"/><col style="width:25%"/><col style="width:15%"/></colgroup>
                <thead><tr>
                  <th scope="col"><xsl:value-of select="$l-goal"/></th>
                  <th scope="col"><xsl:value-of select="$l-council-goal"/></th>
                  <th scope="col"><xsl:value-of select="$l-assessment"/></th>
                  <th scope="col" class="r"><xsl:value-of select="$th-activities"/></th>
                </tr></thead>
                <tbody>
                  <xsl:for-each select="$goals">
                    <tr>
                      <td><xsl:value-of select="normalize-space(concat(@id, ' ', @title))"/></td>
                      <td><xsl:value-of select="@parent"/></td>
                      <xsl:call-template name="assessment-cell"/>
                      <td class="r"><xsl:value-of select="concat(r:activitySummary/@completed, '/', r:activitySummary/@total)"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
              <xsl:for-each select="$goals[r:analysis]">
                <h3><xsl:value-of select="normalize-space(concat(@id, ' ', @title))"/></h3>
                <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="r:analysis"/></xsl:call-template>
              </xsl:for-each>
            </xsl:for-each>
          </section>
          <section>
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$activities-number"/><xsl:with-param name="anchor" select="'activities'"/>
              <xsl:with-param name="text" select="$l-activities"/>
            </xsl:call-template>
            <xsl:for-each select="$activity-goals">
              <xsl:call-template name="heading">
                <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($activities-number, '.', position())"/>
                <xsl:with-param name="anchor" select="concat('activities-', @id)"/>
                <xsl:with-param name="text" select="concat(@unitName, ': ', @id, ' ', @title)"/>
              </xsl:call-template>
              <table>
                <colgroup><col style="width:46%"/><col style="width:22%"/><col style="width:14%"/><col style="width:18%"/></colgroup>
                <thead><tr>
                  <th scope="col"><xsl:value-of select="$l-activity"/></th>
                  <th scope="col"><xsl:value-of select="$l-owner"/></th>
                  <th scope="col"><xsl:value-of select="$l-due"/></th>
                  <th scope="col"><xsl:value-of select="$l-status"/></th>
                </tr></thead>
                <tbody>
                  <xsl:for-each select=".//r:activity">
                    <tr>
                      <td><xsl:value-of select="normalize-space(@title)"/></td>
                      <td><xsl:call-template name="hyph"><xsl:with-param name="s" select="normalize-space(@owner)"/><xsl:with-param name="min" select="16"/></xsl:call-template></td>
                      <td><xsl:value-of select="@due"/></td>
                      <td><xsl:call-template name="label-of"><xsl:with-param name="key" select="@status"/></xsl:call-template></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </xsl:for-each>
          </section>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- {level:assessment/@level} with the status mark of assessment/@status -->
  <xsl:template name="assessment-cell">
    <xsl:call-template name="status-cell">
      <xsl:with-param name="status" select="string(r:assessment/@status)"/>
      <xsl:with-param name="text"><xsl:call-template name="level"><xsl:with-param name="id" select="string(r:assessment/@level)"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:councilGoal" mode="goal">
    <xsl:param name="number"/>
    <section>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="$number"/>
        <xsl:with-param name="anchor" select="concat('goal-', @id)"/><xsl:with-param name="text" select="concat(@id, ' ', @title)"/>
      </xsl:call-template>
      <xsl:variable name="level"><xsl:call-template name="level"><xsl:with-param name="id" select="string(r:assessment/@level)"/></xsl:call-template></xsl:variable>
      <p class="assessment"><xsl:value-of select="normalize-space(concat($l-assessment, ': ', $level))"/></p>
      <xsl:if test="r:assessment[@manual = 'true']">
        <p class="small">
          <xsl:call-template name="label"><xsl:with-param name="key" select="'manualAssessment'"/></xsl:call-template>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'computedAssessment'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="level"><xsl:with-param name="id" select="string(r:assessment/@computed)"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </p>
        <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="r:assessment/r:justification"/></xsl:call-template>
      </xsl:if>
      <p class="small">
        <xsl:variable name="committees-contributing"><xsl:call-template name="label"><xsl:with-param name="key" select="'committeesContributing'"/></xsl:call-template></xsl:variable>
        <xsl:variable name="goals-met"><xsl:call-template name="label"><xsl:with-param name="key" select="'goalsMet'"/></xsl:call-template></xsl:variable>
        <xsl:value-of select="normalize-space(concat(r:coverage/@contributing, ' ', $l-of, ' ', r:coverage/@committees, ' ', $committees-contributing, '; ',
                                                     r:fulfilment/r:level[1]/@goals, ' ', $l-of, ' ', r:fulfilment/@goals, ' ', $goals-met, '.'))"/>
      </p>
      <xsl:call-template name="rich-text"><xsl:with-param name="nodes" select="r:analysis"/></xsl:call-template>
      <xsl:if test="r:indicator">
        <table>
          <colgroup><col style="width:40%"/><col style="width:13%"/><col style="width:12%"/><col style="width:20%"/><col style="width:15%"/></colgroup>
          <thead><tr>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'indicator'"/></xsl:call-template></th>
            <th scope="col" class="r"><xsl:call-template name="label"><xsl:with-param name="key" select="'outcome'"/></xsl:call-template><xsl:value-of select="concat(' ', $year)"/></th>
            <th scope="col" class="r"><xsl:call-template name="label"><xsl:with-param name="key" select="'target'"/></xsl:call-template></th>
            <th scope="col"><xsl:value-of select="$l-status"/></th>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'trend'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="r:indicator">
              <tr>
                <td><xsl:value-of select="normalize-space(concat(@name, ' (', @measure, ')'))"/></td>
                <td class="r"><xsl:call-template name="num-ctx"><xsl:with-param name="value" select="r:status/@outcome"/></xsl:call-template></td>
                <td class="r"><xsl:call-template name="num-ctx"><xsl:with-param name="value" select="r:status/@target"/></xsl:call-template></td>
                <xsl:call-template name="status-cell">
                  <xsl:with-param name="status" select="string(r:status/@value)"/>
                  <xsl:with-param name="text"><xsl:call-template name="label-of"><xsl:with-param name="key" select="r:status/@value"/></xsl:call-template></xsl:with-param>
                </xsl:call-template>
                <td><xsl:call-template name="label-of"><xsl:with-param name="key" select="r:trend/@value"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
      <xsl:for-each select="r:indicator">
        <xsl:call-template name="indicator-chart">
          <xsl:with-param name="kind" select="'bar'"/><xsl:with-param name="width" select="330"/><xsl:with-param name="height" select="150"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="r:goal">
        <h3><xsl:call-template name="label"><xsl:with-param name="key" select="'committeeContributions'"/></xsl:call-template></h3>
        <table>
          <colgroup><col style="width:24%"/><col style="width:44%"/><col style="width:20%"/><col style="width:12%"/></colgroup>
          <thead><tr>
            <th scope="col"><xsl:value-of select="$l-committee"/></th>
            <th scope="col"><xsl:value-of select="$l-goal"/></th>
            <th scope="col"><xsl:value-of select="$l-assessment"/></th>
            <th scope="col" class="r"><xsl:value-of select="$th-activities"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="r:goal">
              <tr>
                <td><xsl:call-template name="hyph"><xsl:with-param name="s" select="@unitName"/><xsl:with-param name="min" select="16"/></xsl:call-template></td>
                <td><xsl:value-of select="normalize-space(concat(@id, ' ', @title))"/></td>
                <xsl:call-template name="assessment-cell"/>
                <td class="r"><xsl:value-of select="concat(r:activitySummary/@completed, '/', r:activitySummary/@total)"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
      <xsl:if test="r:objective">
        <h3><xsl:call-template name="label"><xsl:with-param name="key" select="'environmentalObjectives'"/></xsl:call-template></h3>
        <table>
          <colgroup><col style="width:55%"/><col style="width:15%"/><col style="width:15%"/><col style="width:15%"/></colgroup>
          <thead><tr>
            <th scope="col"><xsl:call-template name="label"><xsl:with-param name="key" select="'objective'"/></xsl:call-template></th>
            <th scope="col" class="r"><xsl:value-of select="$th-progress"/></th>
            <th scope="col" class="r"><xsl:value-of select="$th-activities"/></th>
            <th scope="col"><xsl:value-of select="$l-due"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="r:objective | r:objective/r:objective">
              <tr>
                <td><xsl:value-of select="normalize-space(@title)"/></td>
                <td class="r"><xsl:call-template name="num"><xsl:with-param name="value" select="r:progress/@share"/><xsl:with-param name="decimals" select="2"/></xsl:call-template></td>
                <td class="r"><xsl:value-of select="concat(r:actionSummary/@completed, '/', r:actionSummary/@total)"/></td>
                <td><xsl:value-of select="@deadline"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="contents">
    <xsl:call-template name="toc-entry">
      <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="1"/><xsl:with-param name="anchor" select="'summary'"/>
      <xsl:with-param name="text" select="$l-fulfilment"/>
    </xsl:call-template>
    <xsl:for-each select="/r:rollup/r:perspective">
      <xsl:variable name="p" select="1 + position()"/>
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
      <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$committees-number"/><xsl:with-param name="anchor" select="'committees'"/>
      <xsl:with-param name="text" select="$l-committee-fulfilment"/>
    </xsl:call-template>
    <xsl:for-each select="$committees">
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($committees-number, '.', position())"/>
        <xsl:with-param name="anchor" select="concat('committee-', @id)"/><xsl:with-param name="text" select="normalize-space(@name)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="toc-entry">
      <xsl:with-param name="level" select="1"/><xsl:with-param name="number" select="$activities-number"/><xsl:with-param name="anchor" select="'activities'"/>
      <xsl:with-param name="text" select="$l-activities"/>
    </xsl:call-template>
    <xsl:for-each select="$activity-goals">
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="number" select="concat($activities-number, '.', position())"/>
        <xsl:with-param name="anchor" select="concat('activities-', @id)"/><xsl:with-param name="text" select="normalize-space(concat(@unitName, ': ', @id, ' ', @title))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
