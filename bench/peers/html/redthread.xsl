<?xml version="1.0" encoding="UTF-8"?>
<!--
  The red thread of one perspective as inline SVG, after rodtrad's drawRedThread: perspective ->
  council goals -> committee goals -> unit goals in columns left to right, each box with its id and
  title (wrapped) and its assessment as a status mark (a symbol as well as a colour) and the
  level's label; every subtree in its own horizontal band, a parent centred on its children,
  elbow connectors. Like rodtrad, a tree taller than the page is scaled down to fit one page.
  Three passes over exsl:node-set trees: boxes with their wrapped lines, band heights bottom-up,
  then drawing with absolute positions top-down.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rodtrad:rollup:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <!-- content height of the page: A4 841.89 pt less the 64 + 64 pt margins, a hair below -->
  <xsl:variable name="frame-height" select="713"/>
  <xsl:variable name="rt-top-rank">
    <xsl:for-each select="/r:rollup/r:plan/r:scale/r:level"><xsl:sort select="@rank" data-type="number" order="descending"/><xsl:if test="position() = 1"><xsl:value-of select="@rank"/></xsl:if></xsl:for-each>
  </xsl:variable>
  <xsl:variable name="rt-bottom-rank">
    <xsl:for-each select="/r:rollup/r:plan/r:scale/r:level"><xsl:sort select="@rank" data-type="number"/><xsl:if test="position() = 1"><xsl:value-of select="@rank"/></xsl:if></xsl:for-each>
  </xsl:variable>

  <xsl:template name="rt-kind">
    <xsl:param name="depth"/>
    <xsl:param name="heading" select="false()"/>
    <xsl:choose>
      <xsl:when test="$depth = 0">Perspektiv</xsl:when>
      <xsl:when test="$depth = 1">KF-mål</xsl:when>
      <xsl:when test="$depth = 2 and $heading">Nämndmål</xsl:when>
      <xsl:when test="$depth = 2">nämndmål</xsl:when>
      <xsl:when test="$depth = 3 and $heading">Enhetsmål</xsl:when>
      <xsl:when test="$depth = 3">enhetsmål</xsl:when>
      <xsl:when test="$heading">Aktivitet</xsl:when>
      <xsl:otherwise>aktivitet</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Pass 1: a box per node with its wrapped lines and height -->
  <xsl:template name="rt-build">
    <xsl:param name="node"/>
    <xsl:param name="depth"/>
    <xsl:param name="max-depth"/>
    <xsl:param name="col-w"/>
    <xsl:for-each select="$node">
      <xsl:variable name="level" select="string(r:assessment/@level)"/>
      <xsl:variable name="entry" select="/r:rollup/r:plan/r:scale/*[@id = $level][1]"/>
      <xsl:variable name="status">
        <xsl:choose>
          <xsl:when test="$level = ''"></xsl:when>
          <xsl:when test="not($entry/self::r:level)">not-assessable</xsl:when>
          <xsl:when test="$entry/@rank = $rt-top-rank">green</xsl:when>
          <xsl:when test="$entry/@rank = $rt-bottom-rank">red</xsl:when>
          <xsl:otherwise>yellow</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="label">
        <xsl:if test="$level != ''"><xsl:call-template name="level"><xsl:with-param name="id" select="$level"/></xsl:call-template></xsl:if>
      </xsl:variable>
      <xsl:variable name="title" select="normalize-space(@title | self::r:perspective/@name)"/>
      <xsl:variable name="text">
        <xsl:choose>
          <xsl:when test="$depth = 0 or not(@id)"><xsl:value-of select="$title"/></xsl:when>
          <xsl:when test="$title = ''"><xsl:value-of select="@id"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(@id, ' ', $title)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="indent" select="4 + 12 * number($status != '')"/>
      <xsl:variable name="bold" select="$depth &lt;= 1"/>
      <xsl:variable name="title-lines-rtf">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="normalize-space($text)"/><xsl:with-param name="width" select="$col-w - $indent - 4"/>
          <xsl:with-param name="size" select="7"/><xsl:with-param name="bold" select="$bold"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="label-lines-rtf">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="normalize-space($label)"/><xsl:with-param name="width" select="$col-w - $indent - 4"/>
          <xsl:with-param name="size" select="6.5"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="tl" select="exsl:node-set($title-lines-rtf)/l"/>
      <xsl:variable name="ll" select="exsl:node-set($label-lines-rtf)/l"/>
      <!-- first baseline centred on the mark; 7 pt lines 9.15 pt apart, 6.5 pt labels 8.57 -->
      <xsl:variable name="first" select="4 + 7 * $asc + (4.5 + 7 * ($asc - $desc) div 2 - 7 * $asc) * number($status != '' and 4.5 + 7 * ($asc - $desc) div 2 &gt; 7 * $asc)"/>
      <xsl:variable name="step" select="7 * ($asc + $desc) + 1"/>
      <xsl:variable name="label-step" select="6.5 * ($asc + $desc) + 1"/>
      <xsl:variable name="last-title" select="$first + (count($tl) - 1) * $step"/>
      <xsl:variable name="label-first">
        <xsl:choose>
          <xsl:when test="count($tl) = 0"><xsl:value-of select="4 + 6.5 * $asc"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$last-title + 7 * $desc + 1.5 + 6.5 * $asc"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="bottom-text">
        <xsl:choose>
          <xsl:when test="count($ll) &gt; 0"><xsl:value-of select="$label-first + (count($ll) - 1) * $label-step + 6.5 * $desc"/></xsl:when>
          <xsl:when test="count($tl) &gt; 0"><xsl:value-of select="$last-title + 7 * $desc"/></xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="mark-bottom" select="4 + 9 * number($status != '')"/>
      <n d="{$depth}" status="{$status}" indent="{$indent}"
         h="{$mark-bottom * number($mark-bottom &gt;= $bottom-text) + $bottom-text * number($bottom-text &gt; $mark-bottom) + 4}"
         full="{concat($text, substring(concat(' (', $label, ')'), 1, (string-length($label) + 3) * number($label != '')))}">
        <xsl:attribute name="short">
          <xsl:choose>
            <xsl:when test="$depth = 0 or not(@id)"><xsl:value-of select="$title"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:for-each select="$tl"><t b="{$first + (position() - 1) * $step}" bold="{number($bold)}"><xsl:value-of select="."/></t></xsl:for-each>
        <xsl:for-each select="$ll"><lb b="{$label-first + (position() - 1) * $label-step}"><xsl:value-of select="."/></lb></xsl:for-each>
        <xsl:if test="$depth &lt; $max-depth">
          <xsl:call-template name="rt-build">
            <xsl:with-param name="node" select="r:councilGoal[$depth = 0] | r:goal[$depth &gt; 0]"/>
            <xsl:with-param name="depth" select="$depth + 1"/>
            <xsl:with-param name="max-depth" select="$max-depth"/>
            <xsl:with-param name="col-w" select="$col-w"/>
          </xsl:call-template>
        </xsl:if>
      </n>
    </xsl:for-each>
  </xsl:template>

  <!-- Pass 2: band heights bottom-up; off = the box's top within its band, shift = how far the
       children are pushed down when the parent is taller than their span, t = a child's band top
       within its parent's children. -->
  <xsl:template match="n" mode="rt-band">
    <xsl:variable name="kids-rtf"><xsl:apply-templates select="n" mode="rt-band"/></xsl:variable>
    <xsl:variable name="kids" select="exsl:node-set($kids-rtf)/n"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:choose>
        <xsl:when test="not($kids)">
          <xsl:attribute name="band"><xsl:value-of select="@h"/></xsl:attribute>
          <xsl:attribute name="off">0</xsl:attribute>
          <xsl:attribute name="shift">0</xsl:attribute>
          <xsl:copy-of select="t | lb"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="span" select="sum($kids/@band) + 6 * (count($kids) - 1)"/>
          <xsl:variable name="last" select="$kids[last()]"/>
          <xsl:variable name="last-t" select="$span - $last/@band"/>
          <xsl:variable name="middle" select="($kids[1]/@off + $kids[1]/@h div 2 + $last-t + $last/@off + $last/@h div 2) div 2"/>
          <xsl:variable name="y" select="$middle - @h div 2"/>
          <xsl:variable name="dy" select="(0 - $y) * number($y &lt; 0)"/>
          <xsl:variable name="off" select="$y * number($y &gt;= 0)"/>
          <xsl:attribute name="band"><xsl:value-of select="($span + $dy) * number($span + $dy &gt;= $off + @h) + ($off + @h) * number($span + $dy &lt; $off + @h)"/></xsl:attribute>
          <xsl:attribute name="off"><xsl:value-of select="$off"/></xsl:attribute>
          <xsl:attribute name="shift"><xsl:value-of select="$dy"/></xsl:attribute>
          <xsl:copy-of select="t | lb"/>
          <xsl:for-each select="$kids">
            <xsl:copy>
              <xsl:copy-of select="@*"/>
              <xsl:attribute name="t"><xsl:value-of select="sum(preceding-sibling::n/@band) + 6 * count(preceding-sibling::n)"/></xsl:attribute>
              <xsl:copy-of select="node()"/>
            </xsl:copy>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <!-- Pass 3a: connectors (drawn first, boxes over their ends) -->
  <xsl:template match="n" mode="rt-links">
    <xsl:param name="top"/>
    <xsl:param name="col-w"/>
    <xsl:param name="gap"/>
    <xsl:variable name="y" select="$top + @off + @h div 2"/>
    <xsl:variable name="x" select="2 + @d * ($col-w + $gap) + $col-w"/>
    <xsl:variable name="kids-top" select="$top + @shift"/>
    <xsl:for-each select="n">
      <xsl:variable name="cy" select="$kids-top + @t + @off + @h div 2"/>
      <polyline fill="none" stroke="#8497B0" stroke-width="0.7"
                points="{format-number($x, '0.##')},{format-number($y, '0.##')} {format-number($x + $gap div 2, '0.##')},{format-number($y, '0.##')} {format-number($x + $gap div 2, '0.##')},{format-number($cy, '0.##')} {format-number($x + $gap, '0.##')},{format-number($cy, '0.##')}"/>
    </xsl:for-each>
    <xsl:for-each select="n">
      <xsl:apply-templates select="." mode="rt-links">
        <xsl:with-param name="top" select="$kids-top + @t"/>
        <xsl:with-param name="col-w" select="$col-w"/>
        <xsl:with-param name="gap" select="$gap"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- Pass 3b: boxes, marks and text -->
  <xsl:template match="n" mode="rt-boxes">
    <xsl:param name="top"/>
    <xsl:param name="col-w"/>
    <xsl:param name="gap"/>
    <xsl:variable name="x" select="2 + @d * ($col-w + $gap)"/>
    <xsl:variable name="y" select="$top + @off"/>
    <xsl:variable name="dark" select="@d = 0"/>
    <rect x="{format-number($x, '0.##')}" y="{format-number($y, '0.##')}" width="{format-number($col-w, '0.##')}" height="{format-number(@h, '0.##')}" stroke="#8497B0" stroke-width="0.5">
      <xsl:attribute name="fill">
        <xsl:choose>
          <xsl:when test="@d = 0">#1F3864</xsl:when>
          <xsl:when test="@d = 1">#DCE3EF</xsl:when>
          <xsl:otherwise>#F4F6FA</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </rect>
    <xsl:if test="@status != ''">
      <xsl:variable name="cx" select="$x + 4 + 4.5"/>
      <xsl:variable name="cy" select="$y + 4 + 4.5"/>
      <circle cx="{format-number($cx, '0.##')}" cy="{format-number($cy, '0.##')}" r="4.5" stroke="#FFFFFF" stroke-width="0.8">
        <xsl:attribute name="fill"><xsl:call-template name="status-colour"><xsl:with-param name="status" select="@status"/></xsl:call-template></xsl:attribute>
      </circle>
      <text x="{format-number($cx, '0.##')}" y="{format-number($cy + 6.5 * ($asc - $desc) div 2, '0.##')}" font-size="6.5" font-weight="bold" text-anchor="middle">
        <xsl:attribute name="fill">
          <xsl:choose>
            <xsl:when test="@status = 'green' or @status = 'red'">#FFFFFF</xsl:when>
            <xsl:otherwise>#1A1A1A</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:choose>
          <xsl:when test="@status = 'green'">✓</xsl:when>
          <xsl:when test="@status = 'yellow'">~</xsl:when>
          <xsl:when test="@status = 'red'">✗</xsl:when>
          <xsl:otherwise>?</xsl:otherwise>
        </xsl:choose>
      </text>
    </xsl:if>
    <xsl:variable name="tx" select="format-number($x + @indent, '0.##')"/>
    <xsl:for-each select="t">
      <text x="{$tx}" y="{format-number($y + @b, '0.##')}" font-size="7">
        <xsl:if test="@bold = 1"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
        <xsl:attribute name="fill"><xsl:choose><xsl:when test="$dark">#FFFFFF</xsl:when><xsl:otherwise>#262626</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:value-of select="."/>
      </text>
    </xsl:for-each>
    <xsl:for-each select="lb">
      <text x="{$tx}" y="{format-number($y + @b, '0.##')}" font-size="6.5">
        <xsl:attribute name="fill"><xsl:choose><xsl:when test="$dark">#E6EBF3</xsl:when><xsl:otherwise>#595959</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:value-of select="."/>
      </text>
    </xsl:for-each>
    <xsl:variable name="kids-top" select="$top + @shift"/>
    <xsl:for-each select="n">
      <xsl:apply-templates select="." mode="rt-boxes">
        <xsl:with-param name="top" select="$kids-top + @t"/>
        <xsl:with-param name="col-w" select="$col-w"/>
        <xsl:with-param name="gap" select="$gap"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- Every path from the root to a leaf; a path after the first starts at the node it branches
       from, named short, so each node is described in full exactly once. -->
  <xsl:template match="n" mode="rt-paths">
    <xsl:param name="chain" select="''"/>
    <xsl:variable name="kind"><xsl:call-template name="rt-kind"><xsl:with-param name="depth" select="@d"/></xsl:call-template></xsl:variable>
    <xsl:variable name="here">
      <xsl:value-of select="$chain"/>
      <xsl:if test="$chain != ''"> → </xsl:if>
      <xsl:value-of select="concat($kind, ' ', @full)"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not(n)"><xsl:value-of select="concat('; ', $here)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="short" select="concat($kind, ' ', @short)"/>
        <xsl:for-each select="n">
          <xsl:apply-templates select="." mode="rt-paths">
            <xsl:with-param name="chain">
              <xsl:choose>
                <xsl:when test="position() = 1"><xsl:value-of select="$here"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$short"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:apply-templates>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <redThread width="470" depth="3"/> for the context perspective -->
  <xsl:template name="red-thread">
    <xsl:param name="width" select="470"/>
    <xsl:param name="depth" select="4"/>
    <xsl:variable name="columns" select="1 + number($depth &gt;= 1 and boolean(r:councilGoal)) + number($depth &gt;= 2 and boolean(r:councilGoal/r:goal)) + number($depth &gt;= 3 and boolean(r:councilGoal/r:goal/r:goal)) + number($depth &gt;= 4 and boolean(r:councilGoal/r:goal/r:goal/r:goal))"/>
    <xsl:variable name="available" select="$width - 4"/>
    <xsl:variable name="wide-col" select="($available - 16 * ($columns - 1)) div $columns"/>
    <xsl:variable name="gap" select="16 * number($wide-col &gt;= 64) + 8 * number($wide-col &lt; 64)"/>
    <xsl:variable name="col-w" select="($available - $gap * ($columns - 1)) div $columns"/>
    <xsl:variable name="boxes-rtf">
      <xsl:call-template name="rt-build">
        <xsl:with-param name="node" select="."/><xsl:with-param name="depth" select="0"/>
        <xsl:with-param name="max-depth" select="$depth"/><xsl:with-param name="col-w" select="$col-w"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="banded-rtf"><xsl:apply-templates select="exsl:node-set($boxes-rtf)/n" mode="rt-band"/></xsl:variable>
    <xsl:variable name="tree" select="exsl:node-set($banded-rtf)/n"/>
    <xsl:variable name="header-base" select="2 + 7 * $asc"/>
    <xsl:variable name="tree-top" select="$header-base + 7 * $desc + 6"/>
    <xsl:variable name="height" select="$tree-top + $tree/@band + 2"/>
    <xsl:variable name="scale" select="($frame-height div $height) * number($height &gt; $frame-height) + number($height &lt;= $frame-height)"/>
    <xsl:variable name="paths"><xsl:apply-templates select="$tree" mode="rt-paths"/></xsl:variable>
    <xsl:variable name="alt" select="concat('Röd tråd: ', substring($paths, 3))"/>
    <figure class="redthread" role="img" aria-label="{$alt}">
      <svg width="{format-number($width * $scale, '0.##')}pt" height="{format-number($height * $scale, '0.##')}pt"
           viewBox="0 0 {format-number($width, '0.##')} {format-number($height, '0.##')}">
        <title><xsl:value-of select="$alt"/></title>
        <xsl:call-template name="rt-headings">
          <xsl:with-param name="i" select="0"/><xsl:with-param name="columns" select="$columns"/>
          <xsl:with-param name="col-w" select="$col-w"/><xsl:with-param name="gap" select="$gap"/><xsl:with-param name="base" select="$header-base"/>
        </xsl:call-template>
        <g>
          <xsl:apply-templates select="$tree" mode="rt-links">
            <xsl:with-param name="top" select="$tree-top"/><xsl:with-param name="col-w" select="$col-w"/><xsl:with-param name="gap" select="$gap"/>
          </xsl:apply-templates>
        </g>
        <xsl:apply-templates select="$tree" mode="rt-boxes">
          <xsl:with-param name="top" select="$tree-top"/><xsl:with-param name="col-w" select="$col-w"/><xsl:with-param name="gap" select="$gap"/>
        </xsl:apply-templates>
      </svg>
    </figure>
  </xsl:template>

  <xsl:template name="rt-headings">
    <xsl:param name="i"/>
    <xsl:param name="columns"/>
    <xsl:param name="col-w"/>
    <xsl:param name="gap"/>
    <xsl:param name="base"/>
    <xsl:if test="$i &lt; $columns">
      <text x="{format-number(2 + $i * ($col-w + $gap), '0.##')}" y="{format-number($base, '0.##')}" font-size="7" font-weight="bold" fill="#595959">
        <xsl:call-template name="rt-kind"><xsl:with-param name="depth" select="$i"/><xsl:with-param name="heading" select="true()"/></xsl:call-template>
      </text>
      <xsl:call-template name="rt-headings">
        <xsl:with-param name="i" select="$i + 1"/><xsl:with-param name="columns" select="$columns"/>
        <xsl:with-param name="col-w" select="$col-w"/><xsl:with-param name="gap" select="$gap"/><xsl:with-param name="base" select="$base"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
