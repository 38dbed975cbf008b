<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of the XSL-FO peers of rodtrad's report templates: page set-up and furniture
  (header, footer "Sida X av Y", draft watermark), document metadata, headings, contents,
  bookmarks, rich text, table cells with status marks, Swedish number formatting, and the two
  drawings rodtrad makes (the indicator bar chart and the red-thread tree) as SVG inside
  fo:instream-foreign-object. XSLT 1.0 with exsl:node-set (libxslt, Xalan, Saxon 6 all have it).

  Geometry and styles follow templates/strategic-plan.xml and templates/follow-up-report.xml
  (A4, margins 64/62 pt, DejaVu Sans, same sizes and colours) and pipeline/src/layout/chart.cpp
  (same chart and tree layout rules), so the page count and the look are comparable. Text is
  measured with DejaVu Sans advance widths (widths.xsl) where a drawing needs it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:r="urn:rodtrad:rollup:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="r exsl x rdf dc pdf xmp svg fox">

  <xsl:import href="widths.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- 1: no UTKAST watermark, like rodtrad render with its final switch. -->
  <xsl:param name="final" select="'0'"/>
  <!-- rodtrad's own label file; resolved against this stylesheet. -->
  <xsl:param name="labels-file" select="'../../../templates/labels/sv.xml'"/>
  <xsl:param name="font-family" select="'DejaVu Sans'"/>

  <xsl:variable name="lang" select="'sv'"/>
  <xsl:variable name="labels" select="document($labels-file)/labels/label"/>
  <xsl:variable name="scale" select="/r:rollup/r:plan/r:scale"/>

  <!-- Page: A4, the templates' margins; the body frame is 471.28 x 713.89 pt. -->
  <xsl:variable name="body-width" select="471.276"/>
  <xsl:variable name="body-height" select="713.89"/>

  <xsl:decimal-format name="sv" decimal-separator="," grouping-separator="&#160;"
                      minus-sign="&#8722;"/>

  <!-- Template styles (rodtrad templates' <styles>). -->
  <xsl:attribute-set name="title">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="font-size">26pt</xsl:attribute>
    <xsl:attribute name="color">#1F3864</xsl:attribute>
    <!-- the template's spaceBefore="150", dropped at the top of a page as rodtrad does -->
    <xsl:attribute name="space-before">150pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="subtitle">
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="color">#44546A</xsl:attribute>
    <xsl:attribute name="space-after">30pt</xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="body">
    <xsl:attribute name="font-size">10pt</xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="line-height">1.35</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="lead">
    <xsl:attribute name="font-size">11pt</xsl:attribute>
    <xsl:attribute name="color">#2F3B4C</xsl:attribute>
    <xsl:attribute name="space-after">8pt</xsl:attribute>
    <xsl:attribute name="line-height">1.4</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="small">
    <xsl:attribute name="font-size">8.5pt</xsl:attribute>
    <xsl:attribute name="color">#44546A</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="assessment">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="font-size">10.5pt</xsl:attribute>
    <xsl:attribute name="color">#1F3864</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">separate</xsl:attribute>
    <xsl:attribute name="font-size">8.5pt</xsl:attribute>
    <xsl:attribute name="line-height">1.2</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">8pt</xsl:attribute>
    <!-- rodtrad hyphenates only words wider than their line, which happens in narrow table
         columns; FOP hyphenates wherever it helps, so only tables get it. -->
    <xsl:attribute name="hyphenate">true</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="th">
    <xsl:attribute name="background-color">#E8EDF4</xsl:attribute>
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-width">0.8pt</xsl:attribute>
    <xsl:attribute name="border-after-color">#9AA7B8</xsl:attribute>
    <xsl:attribute name="padding">3pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="color">#1F3864</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="td">
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-width">0.4pt</xsl:attribute>
    <xsl:attribute name="border-after-color">#9AA7B8</xsl:attribute>
    <xsl:attribute name="padding">3pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- ===================================================================================== -->
  <!-- Labels and values                                                                     -->

  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:variable name="found" select="$labels[@key = $key]"/>
    <xsl:choose>
      <xsl:when test="$found"><xsl:value-of select="$found[1]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- {level:...}: the plan scale's label for an assessment level. -->
  <xsl:template name="level">
    <xsl:param name="id"/>
    <xsl:variable name="entry" select="$scale/*[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$entry/r:label[@lang = $lang]">
        <xsl:value-of select="$entry/r:label[@lang = $lang]"/>
      </xsl:when>
      <xsl:when test="$entry/r:label"><xsl:value-of select="$entry/r:label[1]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- {num:...}: fixed decimals, no-break space thousands, decimal comma, U+2212 minus; an
       absent value is an en dash, a non-number is shown as it is. -->
  <xsl:template name="num">
    <xsl:param name="value"/>
    <xsl:param name="decimals" select="1"/>
    <xsl:variable name="d">
      <xsl:choose>
        <xsl:when test="$decimals &gt; 12">12</xsl:when>
        <xsl:when test="$decimals &lt; 0 or string(number($decimals)) = 'NaN'">0</xsl:when>
        <xsl:otherwise><xsl:value-of select="floor($decimals)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="v" select="number($value)"/>
    <xsl:choose>
      <xsl:when test="string($value) = ''">&#8211;</xsl:when>
      <xsl:when test="string($v) = 'NaN'"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pattern">
          <xsl:text>#&#160;##0</xsl:text>
          <xsl:if test="$d &gt; 0">
            <xsl:value-of select="concat(',', substring('000000000000', 1, $d))"/>
          </xsl:if>
        </xsl:variable>
        <xsl:variable name="scale" select="number(substring('1000000000000', 1, $d + 1))"/>
        <xsl:variable name="abs" select="$v * (1 - 2 * number($v &lt; 0))"/>
        <xsl:choose>
          <!-- a value that rounds to zero has no sign: "−0,0" reads as an error -->
          <xsl:when test="round($abs * $scale) = 0"><xsl:value-of select="format-number(0, $pattern, 'sv')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="format-number($v, $pattern, 'sv')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================================== -->
  <!-- Text measuring and fitting (drawings and contents lines only; FOP sets running text)  -->

  <!-- DejaVu Sans vertical metrics, per point of font size. -->
  <xsl:variable name="ASC" select="0.928223"/>
  <xsl:variable name="DESC" select="0.235840"/>
  <xsl:variable name="LH" select="1.164063"/>
  <xsl:variable name="CENTRE" select="0.346191"/>

  <xsl:template name="w">
    <xsl:param name="t"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:variable name="em">
      <xsl:choose>
        <xsl:when test="$bold">
          <xsl:call-template name="em-width-bold"><xsl:with-param name="t" select="$t"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="em-width-regular"><xsl:with-param name="t" select="$t"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="$em * $size div 1000"/>
  </xsl:template>

  <!-- The text, or its longest prefix that fits followed by an ellipsis. -->
  <xsl:template name="ellipsize">
    <xsl:param name="t"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="width"/>
    <xsl:variable name="full">
      <xsl:call-template name="w">
        <xsl:with-param name="t" select="$t"/><xsl:with-param name="size" select="$size"/>
        <xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$full &lt;= $width"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="k">
          <xsl:call-template name="fit-prefix">
            <xsl:with-param name="t" select="$t"/><xsl:with-param name="size" select="$size"/>
            <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
            <xsl:with-param name="suffix" select="'&#8230;'"/>
            <xsl:with-param name="lo" select="0"/>
            <xsl:with-param name="hi" select="string-length($t)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="concat(normalize-space(substring($t, 1, $k)), '&#8230;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Binary search: the largest k in [lo, hi) with prefix(k) + suffix fitting ($lo fits or is 0). -->
  <xsl:template name="fit-prefix">
    <xsl:param name="t"/>
    <xsl:param name="size"/>
    <xsl:param name="bold"/>
    <xsl:param name="width"/>
    <xsl:param name="suffix"/>
    <xsl:param name="lo"/>
    <xsl:param name="hi"/>
    <xsl:choose>
      <xsl:when test="$hi - $lo &lt;= 1"><xsl:value-of select="$lo"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="mid" select="floor(($lo + $hi) div 2)"/>
        <xsl:variable name="mw">
          <xsl:call-template name="w">
            <xsl:with-param name="t" select="concat(normalize-space(substring($t, 1, $mid)), $suffix)"/>
            <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="fit-prefix">
          <xsl:with-param name="t" select="$t"/><xsl:with-param name="size" select="$size"/>
          <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="suffix" select="$suffix"/>
          <xsl:with-param name="lo" select="$lo + ($mid - $lo) * number($mw &lt;= $width)"/>
          <xsl:with-param name="hi" select="$hi + ($mid - $hi) * number($mw &gt; $width)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Greedy word wrapping into <l> elements (chart.cpp wrapText): a word wider than the line
       is broken with a hyphen after as many characters as fit. Words are measured in one pass
       (measure-words), then laid into lines. -->
  <xsl:template name="wrap">
    <xsl:param name="rest"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="width"/>
    <xsl:variable name="words-rtf">
      <xsl:call-template name="measure-words">
        <xsl:with-param name="rest" select="$rest"/><xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="wrap-words">
      <xsl:with-param name="words" select="exsl:node-set($words-rtf)/w"/>
      <xsl:with-param name="size" select="$size"/>
      <xsl:with-param name="bold" select="$bold"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="space" select="(318 + 30 * number($bold)) * $size div 1000"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="wrap-words">
    <xsl:param name="words"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="size"/>
    <xsl:param name="bold"/>
    <xsl:param name="width"/>
    <xsl:param name="space"/>
    <xsl:param name="line" select="''"/>
    <xsl:param name="lineW" select="0"/>
    <xsl:variable name="word" select="$words[$i]"/>
    <xsl:variable name="ww" select="$word/@em * $size div 1000"/>
    <xsl:choose>
      <xsl:when test="not($word)">
        <xsl:if test="$line != ''"><l><xsl:value-of select="$line"/></l></xsl:if>
      </xsl:when>
      <xsl:when test="$line = '' and $ww &lt;= $width">
        <xsl:call-template name="wrap-words">
          <xsl:with-param name="words" select="$words"/><xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
          <xsl:with-param name="width" select="$width"/><xsl:with-param name="space" select="$space"/>
          <xsl:with-param name="line" select="string($word)"/><xsl:with-param name="lineW" select="$ww"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$line != '' and $lineW + $space + $ww &lt;= $width">
        <xsl:call-template name="wrap-words">
          <xsl:with-param name="words" select="$words"/><xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
          <xsl:with-param name="width" select="$width"/><xsl:with-param name="space" select="$space"/>
          <xsl:with-param name="line" select="concat($line, ' ', $word)"/>
          <xsl:with-param name="lineW" select="$lineW + $space + $ww"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$line != ''">
        <l><xsl:value-of select="$line"/></l>
        <xsl:call-template name="wrap-words">
          <xsl:with-param name="words" select="$words"/><xsl:with-param name="i" select="$i"/>
          <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
          <xsl:with-param name="width" select="$width"/><xsl:with-param name="space" select="$space"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- a word wider than the line: pieces ending in a hyphen, the rest starts a line -->
        <xsl:variable name="pieces-rtf">
          <xsl:call-template name="break-word">
            <xsl:with-param name="t" select="string($word)"/><xsl:with-param name="size" select="$size"/>
            <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="pieces" select="exsl:node-set($pieces-rtf)"/>
        <xsl:copy-of select="$pieces/l"/>
        <xsl:call-template name="wrap-words">
          <xsl:with-param name="words" select="$words"/><xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
          <xsl:with-param name="width" select="$width"/><xsl:with-param name="space" select="$space"/>
          <xsl:with-param name="line" select="string($pieces/tail)"/>
          <xsl:with-param name="lineW" select="number($pieces/tail/@w)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="break-word">
    <xsl:param name="t"/>
    <xsl:param name="size"/>
    <xsl:param name="bold"/>
    <xsl:param name="width"/>
    <xsl:variable name="tw">
      <xsl:call-template name="w">
        <xsl:with-param name="t" select="$t"/><xsl:with-param name="size" select="$size"/>
        <xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$tw &lt;= $width or string-length($t) &lt;= 1">
        <tail w="{$tw}"><xsl:value-of select="$t"/></tail>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="fit">
          <xsl:call-template name="fit-prefix">
            <xsl:with-param name="t" select="$t"/><xsl:with-param name="size" select="$size"/>
            <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
            <xsl:with-param name="suffix" select="'-'"/>
            <xsl:with-param name="lo" select="1"/>
            <xsl:with-param name="hi" select="string-length($t)"/>
          </xsl:call-template>
        </xsl:variable>
        <!-- leave at least three characters on each side of a forced break -->
        <xsl:variable name="n" select="string-length($t)"/>
        <xsl:variable name="cut" select="$fit + (($n - 3) - $fit) * number($n - $fit &lt; 3 and $n &gt;= 6)"/>
        <l><xsl:value-of select="concat(substring($t, 1, $cut), '-')"/></l>
        <xsl:call-template name="break-word">
          <xsl:with-param name="t" select="substring($t, $cut + 1)"/><xsl:with-param name="size" select="$size"/>
          <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Wrapped to at most $max lines (0: no limit); what does not fit ends in an ellipsis. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="t"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="width"/>
    <xsl:param name="max" select="0"/>
    <xsl:variable name="all-rtf">
      <xsl:call-template name="wrap">
        <xsl:with-param name="rest" select="normalize-space($t)"/><xsl:with-param name="size" select="$size"/>
        <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="all" select="exsl:node-set($all-rtf)/l"/>
    <xsl:choose>
      <xsl:when test="$max = 0 or count($all) &lt;= $max"><xsl:copy-of select="$all"/></xsl:when>
      <xsl:otherwise>
        <xsl:copy-of select="$all[position() &lt; $max]"/>
        <xsl:variable name="last">
          <xsl:for-each select="$all[position() &gt;= $max]">
            <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:variable>
        <l>
          <xsl:call-template name="ellipsize">
            <xsl:with-param name="t" select="string($last)"/><xsl:with-param name="size" select="$size"/>
            <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$width"/>
          </xsl:call-template>
        </l>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <!-- ===================================================================================== -->
  <!-- Document frame                                                                        -->

  <xsl:template name="layout-master-set">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="first" page-width="595.276pt" page-height="841.89pt">
        <fo:region-body margin="64pt 62pt 64pt 62pt"/>
        <fo:region-before extent="47pt" region-name="header-first" display-align="after"/>
        <fo:region-after extent="44pt" region-name="footer" display-align="before"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="rest" page-width="595.276pt" page-height="841.89pt">
        <fo:region-body margin="64pt 62pt 64pt 62pt"/>
        <fo:region-before extent="47pt" region-name="header" display-align="after"/>
        <fo:region-after extent="44pt" region-name="footer" display-align="before"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="document">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- Document information as XMP (FOP writes /Title, /Author, /Subject, /Keywords from it). -->
  <xsl:template name="declarations">
    <xsl:param name="title"/>
    <xsl:param name="author"/>
    <xsl:param name="subject"/>
    <xsl:param name="keywords"/>
    <xsl:param name="date"/>
    <fo:declarations>
      <x:xmpmeta>
        <rdf:RDF>
          <rdf:Description rdf:about="">
            <dc:title><xsl:value-of select="$title"/></dc:title>
            <dc:creator><xsl:value-of select="$author"/></dc:creator>
            <dc:description><xsl:value-of select="$subject"/></dc:description>
            <dc:language>sv-SE</dc:language>
            <pdf:Keywords><xsl:value-of select="$keywords"/></pdf:Keywords>
            <xsl:if test="string-length($date) = 10">
              <xmp:CreateDate><xsl:value-of select="concat($date, 'T00:00:00Z')"/></xmp:CreateDate>
            </xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- Header (all pages but the first), footer, and the draft watermark behind the text. -->
  <xsl:template name="furniture">
    <xsl:param name="header-left"/>
    <xsl:param name="header-right"/>
    <xsl:param name="footer-left"/>
    <fo:static-content flow-name="header-first" role="artifact">
      <xsl:call-template name="watermark"/>
    </fo:static-content>
    <fo:static-content flow-name="header" role="artifact">
      <xsl:call-template name="watermark"/>
      <fo:block font-size="7.5pt" color="#555555" start-indent="62pt" end-indent="62pt"
                text-align-last="justify" border-after-style="solid" border-after-width="0.5pt"
                border-after-color="#B0B8C4" padding-after="3pt">
        <xsl:value-of select="$header-left"/>
        <fo:leader leader-pattern="space"/>
        <xsl:value-of select="$header-right"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="footer" role="artifact">
      <fo:block font-size="7.5pt" color="#555555" start-indent="62pt" end-indent="62pt"
                text-align-last="justify" border-before-style="solid" border-before-width="0.5pt"
                border-before-color="#B0B8C4" padding-before="3pt">
        <xsl:value-of select="$footer-left"/>
        <fo:leader leader-pattern="space"/>
        <xsl:text>Sida </xsl:text><fo:page-number/><xsl:text> av </xsl:text>
        <fo:page-number-citation-last ref-id="document"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <xsl:template name="watermark">
    <xsl:if test="string($final) != '1'">
      <xsl:variable name="text">
        <xsl:call-template name="label"><xsl:with-param name="key" select="'draft'"/></xsl:call-template>
      </xsl:variable>
      <fo:block-container absolute-position="absolute" top="180.945pt" left="57.638pt" width="480pt"
                          height="480pt">
        <fo:block line-height="0" font-size="0">
          <fo:instream-foreign-object fox:alt-text="{$text}" content-width="480pt"
                                      content-height="480pt">
            <svg:svg width="480pt" height="480pt" viewBox="0 0 480 480">
              <svg:text x="240" y="240" transform="rotate(-45 240 240)" dy="34"
                        text-anchor="middle" font-family="{$font-family}" font-weight="bold"
                        font-size="96" fill="#E3E3E3">
                <xsl:value-of select="$text"/>
              </svg:text>
            </svg:svg>
          </fo:instream-foreign-object>
        </fo:block>
      </fo:block-container>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================================== -->
  <!-- Headings, contents, bookmarks                                                         -->

  <!-- A heading; $outline holds <h id level num title/> for every numbered heading. -->
  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="text"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="outline"/>
    <xsl:variable name="num">
      <xsl:if test="$id != ''">
        <xsl:for-each select="$outline[1]">
          <xsl:value-of select="key('outline', $id)/@num"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <fo:block role="H{$level}" keep-with-next.within-page="always" font-weight="bold"
              line-height="1.3" color="#1F3864">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$level = 1">
          <xsl:attribute name="font-size">16pt</xsl:attribute>
          <xsl:attribute name="space-before">16pt</xsl:attribute>
          <xsl:attribute name="space-after">8pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="$level = 2">
          <xsl:attribute name="font-size">12.5pt</xsl:attribute>
          <xsl:attribute name="space-before">14pt</xsl:attribute>
          <xsl:attribute name="space-after">5pt</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-size">10.5pt</xsl:attribute>
          <xsl:attribute name="space-before">8pt</xsl:attribute>
          <xsl:attribute name="space-after">4pt</xsl:attribute>
          <xsl:attribute name="color">#2F3B4C</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="string($num) != ''"><xsl:value-of select="concat($num, ' ')"/></xsl:if>
      <xsl:value-of select="normalize-space($text)"/>
    </fo:block>
  </xsl:template>

  <xsl:key name="outline" match="h" use="@id"/>

  <!-- Contents: level 1 and 2 headings, each one line (ellipsized) with its page number. -->
  <xsl:template name="toc">
    <xsl:param name="outline"/>
    <fo:block role="TOC">
      <xsl:for-each select="$outline">
        <xsl:variable name="indent" select="16 * number(@level = 2)"/>
        <fo:block role="TOCI" font-size="10pt" line-height="16pt" start-indent="{$indent}pt"
                  text-align-last="justify" keep-together.within-page="always">
          <xsl:if test="@level = 1"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
          <fo:basic-link internal-destination="{@id}">
            <xsl:call-template name="ellipsize">
              <xsl:with-param name="t" select="concat(@num, ' ', @title)"/>
              <xsl:with-param name="size" select="10"/>
              <xsl:with-param name="bold" select="@level = 1"/>
              <xsl:with-param name="width" select="$body-width - $indent - 40"/>
            </xsl:call-template>
            <fo:leader leader-pattern="space"/>
            <fo:page-number-citation ref-id="{@id}"/>
          </fo:basic-link>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template name="bookmarks">
    <xsl:param name="outline"/>
    <xsl:if test="$outline">
      <fo:bookmark-tree>
        <xsl:for-each select="$outline[@level = 1]">
          <xsl:variable name="next" select="following-sibling::h[@level = 1][1]"/>
          <fo:bookmark internal-destination="{@id}">
            <fo:bookmark-title><xsl:value-of select="concat(@num, ' ', @title)"/></fo:bookmark-title>
            <xsl:for-each select="following-sibling::h[@level = 2]
                                  [count(preceding-sibling::h[@level = 1][1] | current()) = 1]">
              <fo:bookmark internal-destination="{@id}">
                <fo:bookmark-title><xsl:value-of select="concat(@num, ' ', @title)"/></fo:bookmark-title>
              </fo:bookmark>
            </xsl:for-each>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================================== -->
  <!-- Rich text, key-value table, table cells                                               -->

  <xsl:template name="rich-text">
    <xsl:param name="select"/>
    <xsl:param name="style" select="'body'"/>
    <xsl:for-each select="$select/*">
      <xsl:choose>
        <xsl:when test="self::r:p">
          <xsl:if test="normalize-space(.) != ''">
            <xsl:call-template name="paragraph">
              <xsl:with-param name="style" select="$style"/>
              <xsl:with-param name="text" select="."/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="self::r:list">
          <fo:list-block provisional-distance-between-starts="14pt"
                         provisional-label-separation="4pt">
            <xsl:for-each select="r:item[normalize-space(.) != '']">
              <fo:list-item space-after="2pt" font-size="10pt" line-height="1.35">
                <fo:list-item-label end-indent="label-end()"><fo:block>&#8226;</fo:block></fo:list-item-label>
                <fo:list-item-body start-indent="body-start()">
                  <fo:block><xsl:value-of select="normalize-space(.)"/></fo:block>
                </fo:list-item-body>
              </fo:list-item>
            </xsl:for-each>
          </fo:list-block>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="paragraph">
    <xsl:param name="style" select="'body'"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="$style = 'lead'">
        <fo:block xsl:use-attribute-sets="lead"><xsl:value-of select="normalize-space($text)"/></fo:block>
      </xsl:when>
      <xsl:when test="$style = 'small'">
        <fo:block xsl:use-attribute-sets="small"><xsl:value-of select="normalize-space($text)"/></fo:block>
      </xsl:when>
      <xsl:when test="$style = 'assessment'">
        <fo:block xsl:use-attribute-sets="assessment"><xsl:value-of select="normalize-space($text)"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="body"><xsl:value-of select="normalize-space($text)"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <approval select="..."/>: decided by, date, revision, decision; no header row. -->
  <xsl:template name="approval">
    <xsl:param name="approval"/>
    <xsl:if test="$approval">
      <fo:table xsl:use-attribute-sets="table" space-before="12pt">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="proportional-column-width(2)"/>
        <fo:table-body>
          <xsl:for-each select="$approval/@by | $approval/@date | $approval/@revision | $approval/@reference">
            <xsl:if test="string(.) != ''">
              <fo:table-row>
                <fo:table-cell xsl:use-attribute-sets="td">
                  <fo:block font-weight="bold" color="#1F3864">
                    <xsl:call-template name="label">
                      <xsl:with-param name="key">
                        <xsl:choose>
                          <xsl:when test="name() = 'by'">approvedBy</xsl:when>
                          <xsl:when test="name() = 'date'">approvalDate</xsl:when>
                          <xsl:when test="name() = 'revision'">revision</xsl:when>
                          <xsl:otherwise>decision</xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                    </xsl:call-template>
                  </fo:block>
                </fo:table-cell>
                <fo:table-cell xsl:use-attribute-sets="td"><fo:block><xsl:value-of select="."/></fo:block></fo:table-cell>
              </fo:table-row>
            </xsl:if>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template name="th">
    <xsl:param name="text"/>
    <xsl:param name="align" select="'start'"/>
    <fo:table-cell xsl:use-attribute-sets="th" text-align="{$align}">
      <fo:block><xsl:value-of select="$text"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="td">
    <xsl:param name="text"/>
    <xsl:param name="align" select="'start'"/>
    <fo:table-cell xsl:use-attribute-sets="td">
      <fo:block>
        <xsl:if test="$align != 'start'"><xsl:attribute name="text-align"><xsl:value-of select="$align"/></xsl:attribute></xsl:if>
        <xsl:value-of select="normalize-space($text)"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A cell whose text says a status in words, with a traffic-light mark before it (an
       artifact: the words carry the meaning). -->
  <xsl:template name="td-status">
    <xsl:param name="text"/>
    <xsl:param name="status"/>
    <fo:table-cell xsl:use-attribute-sets="td">
      <fo:block start-indent="11pt" text-indent="-11pt">
        <xsl:if test="string($status) != ''">
          <fo:wrapper role="artifact" font-size="9pt" color="{substring('#2E7D32#F9A825#C62828#9E9E9E',
              1 + 7 * (number($status = 'yellow') + 2 * number($status = 'red')
                       + 3 * number($status != 'green' and $status != 'yellow' and $status != 'red')), 7)}"
            >&#9679;</fo:wrapper>
          <fo:leader leader-length="3pt"/>
        </xsl:if>
        <xsl:value-of select="normalize-space($text)"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="status-color">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'green'">#2E7D32</xsl:when>
      <xsl:when test="$status = 'yellow'">#F9A825</xsl:when>
      <xsl:when test="$status = 'red'">#C62828</xsl:when>
      <xsl:otherwise>#9E9E9E</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A drawing as a centred figure, scaled down to the frame if taller (as rodtrad does). -->
  <xsl:template name="figure">
    <xsl:param name="svg"/>
    <xsl:param name="width"/>
    <xsl:param name="height"/>
    <xsl:param name="alt"/>
    <xsl:param name="max-height" select="$body-height"/>
    <xsl:param name="space-before" select="4"/>
    <xsl:param name="space-after" select="10"/>
    <xsl:variable name="s" select="1 - (1 - $max-height div $height) * number($height &gt; $max-height)"/>
    <fo:block text-align="center" line-height="0" font-size="0" space-before="{$space-before}pt"
              space-after="{$space-after}pt" keep-together.within-page="always">
      <fo:instream-foreign-object fox:alt-text="{$alt}">
        <svg:svg width="{format-number($width * $s, '0.##')}pt"
                 height="{format-number($height * $s, '0.##')}pt"
                 viewBox="0 0 {format-number($width, '0.##')} {format-number($height, '0.##')}"
                 font-family="{$font-family}">
          <xsl:copy-of select="$svg"/>
        </svg:svg>
      </fo:instream-foreign-object>
    </fo:block>
  </xsl:template>

  <!-- ===================================================================================== -->
  <!-- Indicator chart (chart.cpp drawIndicatorChart, bar kind)                              -->

  <xsl:variable name="steps-rtf"><s v="0.000001" d="6"/><s v="0.000002" d="6"/><s v="0.000005" d="6"/><s v="0.00001" d="5"/><s v="0.00002" d="5"/><s v="0.00005" d="5"/><s v="0.0001" d="4"/><s v="0.0002" d="4"/><s v="0.0005" d="4"/><s v="0.001" d="3"/><s v="0.002" d="3"/><s v="0.005" d="3"/><s v="0.01" d="2"/><s v="0.02" d="2"/><s v="0.05" d="2"/><s v="0.1" d="1"/><s v="0.2" d="1"/><s v="0.5" d="1"/><s v="1" d="0"/><s v="2" d="0"/><s v="5" d="0"/><s v="10" d="0"/><s v="20" d="0"/><s v="50" d="0"/><s v="100" d="0"/><s v="200" d="0"/><s v="500" d="0"/><s v="1000" d="0"/><s v="2000" d="0"/><s v="5000" d="0"/><s v="10000" d="0"/><s v="20000" d="0"/><s v="50000" d="0"/><s v="100000" d="0"/><s v="200000" d="0"/><s v="500000" d="0"/><s v="1000000" d="0"/><s v="2000000" d="0"/><s v="5000000" d="0"/><s v="10000000" d="0"/><s v="20000000" d="0"/><s v="50000000" d="0"/><s v="100000000" d="0"/><s v="200000000" d="0"/><s v="500000000" d="0"/><s v="1000000000" d="0"/><s v="2000000000" d="0"/><s v="5000000000" d="0"/><s v="10000000000" d="0"/><s v="20000000000" d="0"/><s v="50000000000" d="0"/><s v="100000000000" d="0"/><s v="200000000000" d="0"/><s v="500000000000" d="0"/><s v="1000000000000" d="0"/></xsl:variable>
  <xsl:variable name="steps" select="exsl:node-set($steps-rtf)/s"/>

  <xsl:template name="years">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:if test="$from &lt;= $to">
      <p y="{$from}"/>
      <xsl:call-template name="years">
        <xsl:with-param name="from" select="$from + 1"/><xsl:with-param name="to" select="$to"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="status-word">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'green'">grön</xsl:when>
      <xsl:when test="$status = 'yellow'">gul</xsl:when>
      <xsl:when test="$status = 'red'">röd</xsl:when>
      <xsl:otherwise>kan inte bedömas</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Context: r:indicator. Nothing when it has no outcome at all. -->
  <xsl:template name="indicator-chart">
    <xsl:param name="W" select="330"/>
    <xsl:param name="H" select="150"/>
    <xsl:variable name="ind" select="."/>
    <xsl:variable name="decimals"
        select="number(concat('0', @decimals)) - (number(concat('0', @decimals)) - 6) * number(@decimals &gt; 6)"/>
    <!-- outcomes by year: the consolidated value, replaced by a reported one -->
    <xsl:variable name="raw-rtf">
      <xsl:for-each select="r:outcome | r:consolidated">
        <xsl:sort select="@year" data-type="number"/>
        <xsl:variable name="y" select="@year"/>
        <xsl:if test="not(preceding-sibling::r:outcome[@year = $y] or preceding-sibling::r:consolidated[@year = $y])">
          <xsl:variable name="o" select="$ind/r:outcome[@year = $y][string(number(@value)) != 'NaN']"/>
          <xsl:variable name="c" select="$ind/r:consolidated[@year = $y][last()]"/>
          <p y="{$y}">
            <xsl:choose>
              <xsl:when test="$o"><xsl:attribute name="v"><xsl:value-of select="number($o[last()]/@value)"/></xsl:attribute></xsl:when>
              <xsl:when test="string(number($c/@value)) != 'NaN'"><xsl:attribute name="v"><xsl:value-of select="number($c/@value)"/></xsl:attribute></xsl:when>
            </xsl:choose>
          </p>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="raw" select="exsl:node-set($raw-rtf)/p"/>
    <xsl:if test="$raw">
      <!-- a year missing between two reported ones is a gap, not skipped (up to ten years) -->
      <xsl:variable name="series-rtf">
        <xsl:for-each select="$raw">
          <xsl:variable name="prev" select="preceding-sibling::p[1]/@y"/>
          <xsl:if test="$prev and @y - $prev &gt; 1 and @y - $prev &lt;= 10">
            <xsl:call-template name="years">
              <xsl:with-param name="from" select="$prev + 1"/><xsl:with-param name="to" select="@y - 1"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:copy-of select="."/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="series" select="exsl:node-set($series-rtf)/p"/>
      <xsl:variable name="n" select="count($series)"/>
      <xsl:variable name="status" select="string(r:status/@value)"/>
      <xsl:variable name="sy" select="string(r:status/@year)"/>
      <xsl:variable name="tgt" select="r:target[@year = $sy][1]"/>
      <xsl:variable name="has-t" select="string(number($tgt/@value)) != 'NaN'"/>
      <xsl:variable name="has-y" select="string(number($tgt/@yellow)) != 'NaN'"/>
      <xsl:variable name="t" select="number($tgt/@value)"/>
      <xsl:variable name="yl" select="number($tgt/@yellow)"/>

      <!-- axis: every outcome, the target, the yellow limit and zero (bars grow from zero) -->
      <xsl:variable name="ext-rtf">
        <v>0</v>
        <xsl:for-each select="$series[@v]"><v><xsl:value-of select="@v"/></v></xsl:for-each>
        <xsl:if test="$has-t"><v><xsl:value-of select="$t"/></v></xsl:if>
        <xsl:if test="$has-y"><v><xsl:value-of select="$yl"/></v></xsl:if>
      </xsl:variable>
      <xsl:variable name="ext" select="exsl:node-set($ext-rtf)/v"/>
      <xsl:variable name="low0">
        <xsl:for-each select="$ext"><xsl:sort select="." data-type="number"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if></xsl:for-each>
      </xsl:variable>
      <xsl:variable name="high0">
        <xsl:for-each select="$ext"><xsl:sort select="." data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if></xsl:for-each>
      </xsl:variable>
      <xsl:variable name="abs-high" select="$high0 * (1 - 2 * number($high0 &lt; 0))"/>
      <xsl:variable name="flat"
          select="$high0 - $low0 &lt; 0.000001 * ($abs-high + (1 - $abs-high) * number($abs-high &lt; 1))"/>
      <xsl:variable name="spread" select="$abs-high * 0.1 * number($abs-high &gt; 0.000000000001)
                                          + number($abs-high &lt;= 0.000000000001)"/>
      <xsl:variable name="lo" select="$low0 - $spread * number($flat and $low0 != 0)"/>
      <xsl:variable name="hi" select="$high0 + $spread * number($flat)"/>
      <xsl:variable name="step"
          select="$steps[ceiling($hi div @v - 0.000000001) - floor($lo div @v + 0.000000001) + 1 &lt;= 6][1]"/>
      <xsl:variable name="sv" select="number($step/@v)"/>
      <xsl:variable name="kf" select="floor($lo div $sv + 0.000000001)"/>
      <xsl:variable name="kl" select="ceiling($hi div $sv - 0.000000001)"/>
      <xsl:variable name="a-low" select="$kf * $sv"/>
      <xsl:variable name="a-high" select="$kl * $sv"/>
      <xsl:variable name="ticks-rtf">
        <xsl:for-each select="$steps[position() &lt;= $kl - $kf + 1]">
          <xsl:variable name="v" select="($kf + position() - 1) * $sv"/>
          <xsl:variable name="label">
            <xsl:call-template name="num">
              <xsl:with-param name="value" select="$v"/><xsl:with-param name="decimals" select="$step/@d"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="w">
            <xsl:call-template name="w"><xsl:with-param name="t" select="$label"/><xsl:with-param name="size" select="7"/></xsl:call-template>
          </xsl:variable>
          <t v="{$v}" w="{$w}"><xsl:value-of select="$label"/></t>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="ticks" select="exsl:node-set($ticks-rtf)/t"/>
      <xsl:variable name="tick-w">
        <xsl:for-each select="$ticks"><xsl:sort select="@w" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="@w"/></xsl:if></xsl:for-each>
      </xsl:variable>
      <xsl:variable name="plot-left" select="2 + $tick-w + 2 + 3"/>

      <!-- target and yellow limit, labelled at the right end of their lines -->
      <xsl:variable name="refs-rtf">
        <xsl:if test="$has-t">
          <xsl:variable name="label">
            <xsl:text>Mål</xsl:text>
            <xsl:if test="$sy != ''"><xsl:value-of select="concat(' ', $sy)"/></xsl:if>
            <xsl:text>: </xsl:text>
            <xsl:call-template name="num"><xsl:with-param name="value" select="$t"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="w"><xsl:call-template name="w"><xsl:with-param name="t" select="$label"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
          <ref v="{$t}" w="{$w}" line="#1F3864" text="#1F3864" width="1.1" dash=""><xsl:value-of select="$label"/></ref>
        </xsl:if>
        <xsl:if test="$has-y">
          <xsl:variable name="label">
            <xsl:text>Gul gräns: </xsl:text>
            <xsl:call-template name="num"><xsl:with-param name="value" select="$yl"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="w"><xsl:call-template name="w"><xsl:with-param name="t" select="$label"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
          <ref v="{$yl}" w="{$w}" line="#B8860B" text="#7A5A00" width="0.9" dash="3,2"><xsl:value-of select="$label"/></ref>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="refs" select="exsl:node-set($refs-rtf)/ref"/>
      <xsl:variable name="ref-w">
        <xsl:for-each select="$refs"><xsl:sort select="@w" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="@w"/></xsl:if></xsl:for-each>
      </xsl:variable>
      <xsl:variable name="full-plot" select="$W - 2 - $plot-left"/>
      <xsl:variable name="direct" select="count($refs) &gt; 0 and $full-plot - $ref-w - 4 &gt;= 0.6 * $full-plot"/>
      <xsl:variable name="plot-right" select="$W - 2 - (number($ref-w) + 4) * number($direct)"/>
      <xsl:variable name="row-h" select="$LH * 7 + 1"/>
      <!-- too narrow for direct labels: a legend row below (both items in one row) -->
      <xsl:variable name="legend-h" select="(3 + $row-h) * number(count($refs) &gt; 0 and not($direct))"/>
      <xsl:variable name="year-baseline" select="$H - 2 - $legend-h - $DESC * 7"/>
      <xsl:variable name="plot-bottom" select="$year-baseline - $ASC * 7 - 3"/>

      <!-- header: the indicator's name, its measure and the status in words -->
      <xsl:variable name="status-word"><xsl:call-template name="status-word"><xsl:with-param name="status" select="$status"/></xsl:call-template></xsl:variable>
      <xsl:variable name="status-text" select="concat('Status: ', $status-word)"/>
      <xsl:variable name="status-w0"><xsl:call-template name="w"><xsl:with-param name="t" select="$status-text"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
      <xsl:variable name="status-w" select="$status-w0 + 5 + 3"/>
      <xsl:variable name="inner" select="$W - 4"/>
      <xsl:variable name="measure" select="normalize-space(@measure)"/>
      <xsl:variable name="measure-w"><xsl:call-template name="w"><xsl:with-param name="t" select="$measure"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
      <xsl:variable name="own-line" select="$measure = '' or $measure-w + 9 + $status-w &gt; $inner"/>
      <xsl:variable name="measure-rtf">
        <xsl:choose>
          <xsl:when test="$measure = ''"/>
          <xsl:when test="$own-line">
            <xsl:call-template name="wrap-lines">
              <xsl:with-param name="t" select="$measure"/><xsl:with-param name="size" select="7"/>
              <xsl:with-param name="width" select="$inner"/><xsl:with-param name="max" select="2"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><l><xsl:value-of select="$measure"/></l></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="measure-lines" select="exsl:node-set($measure-rtf)/l"/>
      <xsl:variable name="caption-lines" select="1 + count($measure-lines) * number($own-line)"/>
      <xsl:variable name="title-rtf">
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="t" select="@name"/><xsl:with-param name="size" select="8"/>
          <xsl:with-param name="bold" select="true()"/>
          <xsl:with-param name="width" select="$inner"/><xsl:with-param name="max" select="2"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="title-all" select="exsl:node-set($title-rtf)/l"/>
      <xsl:variable name="title-h" select="$LH * 8 + 1"/>
      <xsl:variable name="top-0" select="2 + $caption-lines * $row-h + 3 + ($LH * 7) div 2"/>
      <!-- a short box gives the plot the title's room -->
      <xsl:variable name="k0" select="count($title-all)"/>
      <xsl:variable name="k1" select="$k0 - number($plot-bottom - ($top-0 + $k0 * $title-h) &lt; 30)"/>
      <xsl:variable name="k" select="$k1 - number($k1 &gt; 0 and $plot-bottom - ($top-0 + $k1 * $title-h) &lt; 30)"/>
      <xsl:variable name="plot-top" select="$top-0 + $k * $title-h"/>
      <xsl:variable name="span" select="$plot-bottom - $plot-top"/>
      <xsl:variable name="a-span" select="$a-high - $a-low"/>
      <xsl:variable name="zero" select="0 - (0 - $a-low) * number($a-low &gt; 0) - (0 - $a-high) * number($a-high &lt; 0)"/>
      <xsl:variable name="zero-y" select="$plot-bottom - ($zero - $a-low) div $a-span * $span"/>
      <xsl:variable name="slot" select="($plot-right - $plot-left) div $n"/>

      <!-- alternative text: "Utfall 2022–2025: 3,1; 2,9; … ton per invånare; mål 2,5; status gul" -->
      <xsl:variable name="alt">
        <xsl:text>Utfall </xsl:text>
        <xsl:value-of select="$series[1]/@y"/>
        <xsl:if test="$n &gt; 1"><xsl:value-of select="concat('&#8211;', $series[$n]/@y)"/></xsl:if>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="$series">
          <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:choose>
            <xsl:when test="@v"><xsl:call-template name="num"><xsl:with-param name="value" select="@v"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template></xsl:when>
            <xsl:otherwise>saknas</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:if test="$measure != ''"><xsl:value-of select="concat(' ', $measure)"/></xsl:if>
        <xsl:choose>
          <xsl:when test="$has-t">
            <xsl:text>; mål </xsl:text>
            <xsl:call-template name="num"><xsl:with-param name="value" select="$t"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>; mål saknas</xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('; status ', $status-word)"/>
      </xsl:variable>

      <xsl:variable name="svg">
        <!-- title, measure, status -->
        <xsl:for-each select="$title-all[position() &lt;= $k]">
          <svg:text x="2" y="{format-number(2 + (position() - 1) * $title-h + $ASC * 8, '0.##')}"
                    font-size="8" font-weight="bold" fill="#262626"><xsl:value-of select="."/></svg:text>
        </xsl:for-each>
        <xsl:variable name="cursor" select="2 + $k * $title-h"/>
        <xsl:for-each select="$measure-lines">
          <svg:text x="2" y="{format-number($cursor + (position() - 1) * $row-h * number($own-line) + $ASC * 7, '0.##')}"
                    font-size="7" fill="#595959"><xsl:value-of select="."/></svg:text>
        </xsl:for-each>
        <xsl:variable name="status-top" select="$cursor + count($measure-lines) * $row-h * number($own-line)"/>
        <xsl:variable name="status-x" select="2 + ($W - 4 - $status-w) * number(not($own-line))"/>
        <xsl:variable name="status-mid" select="$status-top + ($ASC - $CENTRE) * 7"/>
        <svg:rect x="{format-number($status-x, '0.##')}" y="{format-number($status-mid - 2.5, '0.##')}"
                  width="5" height="5">
          <xsl:attribute name="fill"><xsl:call-template name="status-color"><xsl:with-param name="status" select="$status"/></xsl:call-template></xsl:attribute>
        </svg:rect>
        <svg:text x="{format-number($status-x + 8, '0.##')}" y="{format-number($status-top + $ASC * 7, '0.##')}"
                  font-size="7" fill="#262626"><xsl:value-of select="$status-text"/></svg:text>

        <!-- grid, ticks, axes -->
        <xsl:for-each select="$ticks">
          <xsl:variable name="y" select="format-number($plot-bottom - (@v - $a-low) div $a-span * $span, '0.##')"/>
          <xsl:if test="position() &gt; 1">
            <svg:line x1="{format-number($plot-left, '0.##')}" y1="{$y}" x2="{format-number($plot-right, '0.##')}" y2="{$y}"
                      stroke="#E1E4E8" stroke-width="0.4"/>
          </xsl:if>
          <svg:line x1="{format-number($plot-left - 3, '0.##')}" y1="{$y}" x2="{format-number($plot-left, '0.##')}" y2="{$y}"
                    stroke="#7F7F7F" stroke-width="0.5"/>
          <svg:text x="{format-number($plot-left - 5, '0.##')}" y="{format-number($y + $CENTRE * 7, '0.##')}"
                    text-anchor="end" font-size="7" fill="#595959"><xsl:value-of select="."/></svg:text>
        </xsl:for-each>
        <svg:line x1="{format-number($plot-left, '0.##')}" y1="{format-number($plot-top, '0.##')}"
                  x2="{format-number($plot-left, '0.##')}" y2="{format-number($plot-bottom, '0.##')}"
                  stroke="#7F7F7F" stroke-width="0.5"/>
        <svg:line x1="{format-number($plot-left, '0.##')}" y1="{format-number($plot-bottom, '0.##')}"
                  x2="{format-number($plot-right, '0.##')}" y2="{format-number($plot-bottom, '0.##')}"
                  stroke="#7F7F7F" stroke-width="0.6"/>
        <xsl:if test="$a-low &lt; 0 and $a-high &gt; 0">
          <svg:line x1="{format-number($plot-left, '0.##')}" y1="{format-number($zero-y, '0.##')}"
                    x2="{format-number($plot-right, '0.##')}" y2="{format-number($zero-y, '0.##')}"
                    stroke="#7F7F7F" stroke-width="0.6"/>
        </xsl:if>

        <!-- outcomes: one slot per year; a missing year keeps its slot empty but for a word -->
        <xsl:variable name="missing-w"><xsl:call-template name="w"><xsl:with-param name="t" select="'saknas'"/><xsl:with-param name="size" select="6.5"/></xsl:call-template></xsl:variable>
        <xsl:variable name="missing-fits" select="$missing-w &lt;= $slot - 2"/>
        <xsl:variable name="bar-w" select="$slot * 0.62 - ($slot * 0.62 - 28) * number($slot * 0.62 &gt; 28)"/>
        <xsl:for-each select="$series">
          <xsl:variable name="centre" select="$plot-left + $slot * (position() - 0.5)"/>
          <xsl:choose>
            <xsl:when test="@v">
              <xsl:variable name="y" select="$plot-bottom - (@v - $a-low) div $a-span * $span"/>
              <xsl:variable name="h0" select="($y - $zero-y) * (1 - 2 * number($y &lt; $zero-y))"/>
              <xsl:variable name="top0" select="$y - ($y - $zero-y) * number($y &gt; $zero-y)"/>
              <xsl:variable name="tiny" select="$h0 &lt; 0.75"/>
              <xsl:variable name="top" select="$top0 * number(not($tiny))
                  + number($tiny) * ($zero-y - 0.75 * number($zero-y - 0.75 &gt;= $plot-top))"/>
              <svg:rect x="{format-number($centre - $bar-w div 2, '0.##')}" y="{format-number($top, '0.##')}"
                        width="{format-number($bar-w, '0.##')}"
                        height="{format-number($h0 + (0.75 - $h0) * number($tiny), '0.##')}" fill="#4A6FA5"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="size" select="7 - 0.5 * number($missing-fits)"/>
              <xsl:variable name="mark" select="substring('&#8211;saknas', 1 + number($missing-fits), 1 + 5 * number($missing-fits))"/>
              <xsl:variable name="b0" select="$zero-y - 2 - $DESC * $size"/>
              <!-- step up past a target or limit line that would strike through the word -->
              <xsl:variable name="b1">
                <xsl:call-template name="dodge-lines">
                  <xsl:with-param name="baseline" select="$b0"/>
                  <xsl:with-param name="levels" select="$refs"/>
                  <xsl:with-param name="size" select="$size"/>
                  <xsl:with-param name="plot-bottom" select="$plot-bottom"/>
                  <xsl:with-param name="a-low" select="$a-low"/>
                  <xsl:with-param name="a-span" select="$a-span"/>
                  <xsl:with-param name="span" select="$span"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:variable name="b2" select="$b1 + ($b0 - $b1) * number($b1 - $ASC * $size &lt; $plot-top)"/>
              <xsl:variable name="b3" select="$b2 + ($zero-y + 2 + $ASC * $size - $b2) * number($b2 - $ASC * $size &lt; $plot-top)"/>
              <svg:text x="{format-number($centre, '0.##')}" y="{format-number($b3, '0.##')}" text-anchor="middle"
                        font-size="{$size}" fill="#595959"><xsl:value-of select="$mark"/></svg:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>

        <!-- target and yellow limit over the data -->
        <xsl:for-each select="$refs">
          <xsl:variable name="y" select="format-number($plot-bottom - (@v - $a-low) div $a-span * $span, '0.##')"/>
          <svg:line x1="{format-number($plot-left, '0.##')}" y1="{$y}" x2="{format-number($plot-right, '0.##')}" y2="{$y}"
                    stroke="{@line}" stroke-width="{@width}">
            <xsl:if test="@dash != ''"><xsl:attribute name="stroke-dasharray"><xsl:value-of select="@dash"/></xsl:attribute></xsl:if>
          </svg:line>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="$direct">
            <xsl:variable name="top" select="$plot-top - ($LH * 7) div 2 + $ASC * 7"/>
            <xsl:variable name="bottom" select="$plot-bottom + $CENTRE * 7"/>
            <xsl:variable name="b1" select="$plot-bottom - ($refs[1]/@v - $a-low) div $a-span * $span + $CENTRE * 7"/>
            <xsl:choose>
              <xsl:when test="count($refs) = 1">
                <xsl:variable name="b" select="$b1 + ($top - $b1) * number($b1 &lt; $top)"/>
                <xsl:variable name="bb" select="$b + ($bottom - $b) * number($b &gt; $bottom and $bottom &gt;= $top)"/>
                <svg:text x="{format-number($plot-right + 4, '0.##')}" y="{format-number($bb, '0.##')}" font-size="7"
                          fill="{$refs[1]/@text}"><xsl:value-of select="$refs[1]"/></svg:text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="b2" select="$plot-bottom - ($refs[2]/@v - $a-low) div $a-span * $span + $CENTRE * 7"/>
                <!-- u: the upper label (smaller baseline) -->
                <xsl:variable name="swap" select="$b1 &gt; $b2"/>
                <xsl:variable name="u0" select="$b1 + ($b2 - $b1) * number($swap)"/>
                <xsl:variable name="l0" select="$b2 + ($b1 - $b2) * number($swap)"/>
                <xsl:variable name="close" select="$l0 - $u0 &lt; $row-h"/>
                <xsl:variable name="mid" select="($u0 + $l0) div 2"/>
                <xsl:variable name="u1" select="$u0 + ($mid - $row-h div 2 - $u0) * number($close)"/>
                <xsl:variable name="l1" select="$l0 + ($mid + $row-h div 2 - $l0) * number($close)"/>
                <xsl:variable name="u2" select="$u1 + ($top - $u1) * number($u1 &lt; $top)"/>
                <xsl:variable name="l2" select="$l1 + ($u2 + $row-h - $l1) * number($l1 &lt; $u2 + $row-h)"/>
                <xsl:variable name="l3" select="$l2 + ($bottom - $l2) * number($l2 &gt; $bottom)"/>
                <xsl:variable name="u3" select="$u2 + ($l3 - $row-h - $u2) * number($u2 &gt; $l3 - $row-h)"/>
                <svg:text x="{format-number($plot-right + 4, '0.##')}" y="{format-number($u3 * number(not($swap)) + $l3 * number($swap), '0.##')}"
                          font-size="7" fill="{$refs[1]/@text}"><xsl:value-of select="$refs[1]"/></svg:text>
                <svg:text x="{format-number($plot-right + 4, '0.##')}" y="{format-number($l3 * number(not($swap)) + $u3 * number($swap), '0.##')}"
                          font-size="7" fill="{$refs[2]/@text}"><xsl:value-of select="$refs[2]"/></svg:text>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="$refs">
            <xsl:variable name="legend-top" select="$H - 2 - $legend-h + 3"/>
            <xsl:for-each select="$refs">
              <xsl:variable name="x" select="2 + (12 + 3 + 9 + number($refs[1]/@w)) * number(position() = 2)"/>
              <xsl:variable name="baseline" select="$legend-top + $ASC * 7"/>
              <svg:line x1="{format-number($x, '0.##')}" y1="{format-number($baseline - $CENTRE * 7, '0.##')}"
                        x2="{format-number($x + 12, '0.##')}" y2="{format-number($baseline - $CENTRE * 7, '0.##')}"
                        stroke="{@line}" stroke-width="{@width}">
                <xsl:if test="@dash != ''"><xsl:attribute name="stroke-dasharray"><xsl:value-of select="@dash"/></xsl:attribute></xsl:if>
              </svg:line>
              <svg:text x="{format-number($x + 15, '0.##')}" y="{format-number($baseline, '0.##')}" font-size="7"
                        fill="{@text}"><xsl:value-of select="."/></svg:text>
            </xsl:for-each>
          </xsl:when>
        </xsl:choose>

        <!-- year labels, thinned out evenly when they would touch -->
        <xsl:variable name="year-w"><xsl:call-template name="w"><xsl:with-param name="t" select="'2025'"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
        <xsl:variable name="every" select="ceiling(($year-w + 4) div $slot) + (1 - ceiling(($year-w + 4) div $slot)) * number(ceiling(($year-w + 4) div $slot) &lt; 1)"/>
        <xsl:for-each select="$series[(position() - 1) mod $every = 0]">
          <xsl:variable name="i" select="count(preceding-sibling::p) + 1"/>
          <xsl:variable name="x0" select="$plot-left + $slot * ($i - 0.5) - $year-w div 2"/>
          <xsl:variable name="x1" select="$x0 + ($plot-left - $x0) * number($x0 &lt; $plot-left)"/>
          <xsl:variable name="xmax" select="$plot-right - $year-w"/>
          <xsl:variable name="x" select="$x1 + ($xmax - $x1) * number($x1 &gt; $xmax and $xmax &gt;= $plot-left)"/>
          <svg:text x="{format-number($x, '0.##')}" y="{format-number($year-baseline, '0.##')}" font-size="7"
                    fill="#262626"><xsl:value-of select="@y"/></svg:text>
        </xsl:for-each>
      </xsl:variable>

      <xsl:if test="$span &gt;= 1 and $plot-right - $plot-left &gt;= 1">
        <xsl:call-template name="figure">
          <xsl:with-param name="svg" select="$svg"/>
          <xsl:with-param name="width" select="$W"/>
          <xsl:with-param name="height" select="$H"/>
          <xsl:with-param name="alt" select="normalize-space($alt)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Moves a baseline up past each reference line (bottom to top) that would cross the word. -->
  <xsl:template name="dodge-lines">
    <xsl:param name="baseline"/>
    <xsl:param name="levels"/>
    <xsl:param name="size"/>
    <xsl:param name="plot-bottom"/>
    <xsl:param name="a-low"/>
    <xsl:param name="a-span"/>
    <xsl:param name="span"/>
    <xsl:variable name="ys-rtf">
      <xsl:for-each select="$levels">
        <xsl:sort select="@v" data-type="number"/>
        <y><xsl:value-of select="$plot-bottom - (@v - $a-low) div $a-span * $span"/></y>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ys" select="exsl:node-set($ys-rtf)/y"/>
    <xsl:variable name="asc" select="$ASC * $size"/>
    <xsl:variable name="desc" select="$DESC * $size"/>
    <xsl:variable name="b1" select="$baseline + ($ys[1] - 2 - $desc - $baseline)
        * number($ys[1] &gt;= $baseline - $asc - 1 and $ys[1] &lt;= $baseline + $desc + 1)"/>
    <xsl:variable name="b2" select="$b1 + ($ys[2] - 2 - $desc - $b1)
        * number($ys[2] &gt;= $b1 - $asc - 1 and $ys[2] &lt;= $b1 + $desc + 1)"/>
    <xsl:value-of select="$b2"/>
  </xsl:template>

  <!-- ===================================================================================== -->
  <!-- Red thread (chart.cpp drawRedThread): perspective → KF-mål → nämndmål → enhetsmål      -->

  <xsl:template name="red-thread">
    <xsl:param name="width" select="470"/>
    <xsl:param name="depth" select="3"/>
    <xsl:variable name="columns" select="1 + number(boolean(r:councilGoal))
        + number($depth &gt;= 2 and boolean(r:councilGoal/r:goal))
        + number($depth &gt;= 3 and boolean(r:councilGoal/r:goal/r:goal))"/>
    <xsl:variable name="available" select="$width - 4"/>
    <xsl:variable name="w16" select="($available - 16 * ($columns - 1)) div $columns"/>
    <xsl:variable name="gap" select="16 - 8 * number($w16 &lt; 64)"/>
    <xsl:variable name="col-w" select="($available - $gap * ($columns - 1)) div $columns"/>
    <xsl:variable name="tree-rtf">
      <xsl:apply-templates select="." mode="rt">
        <xsl:with-param name="depth" select="0"/>
        <xsl:with-param name="max-depth" select="$depth"/>
        <xsl:with-param name="col-w" select="$col-w"/>
        <xsl:with-param name="gap" select="$gap"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="tree" select="exsl:node-set($tree-rtf)/sub"/>
    <xsl:variable name="header-baseline" select="2 + $ASC * 7"/>
    <xsl:variable name="tree-top" select="$header-baseline + $DESC * 7 + 6"/>
    <xsl:variable name="svg">
      <xsl:for-each select="$steps[position() &lt;= $columns]">
        <svg:text x="{format-number(2 + (position() - 1) * ($col-w + $gap), '0.##')}"
                  y="{format-number($header-baseline, '0.##')}" font-size="7" font-weight="bold" fill="#595959">
          <xsl:value-of select="normalize-space(substring('PerspektivKF-mål    Nämndmål  Enhetsmål ', 1 + 10 * (position() - 1), 10))"/>
        </svg:text>
      </xsl:for-each>
      <svg:g transform="translate(0,{format-number($tree-top, '0.##')})">
        <xsl:copy-of select="$tree/node()"/>
      </svg:g>
    </xsl:variable>
    <xsl:variable name="alt-raw">
      <xsl:apply-templates select="." mode="rt-alt">
        <xsl:with-param name="depth" select="0"/>
        <xsl:with-param name="max-depth" select="$depth"/>
        <xsl:with-param name="chain" select="''"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:call-template name="figure">
      <xsl:with-param name="svg" select="$svg"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="height" select="$tree-top + $tree/@h + 2"/>
      <xsl:with-param name="alt" select="concat('Röd tråd: ', substring($alt-raw, 1, string-length($alt-raw) - 2))"/>
      <!-- room for the headings kept with it (the section's h1 and the perspective's h2) -->
      <xsl:with-param name="max-height" select="$body-height - 75"/>
      <xsl:with-param name="space-before" select="6"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="rt-kind">
    <xsl:param name="depth"/>
    <xsl:value-of select="substring('PerspektivKF-mål    nämndmål  enhetsmål ', 1 + 10 * $depth, 10)"/>
  </xsl:template>

  <xsl:template match="*" mode="rt-text">
    <xsl:choose>
      <xsl:when test="self::r:perspective"><xsl:value-of select="normalize-space(@name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(concat(@id, ' ', @title))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One subtree: <sub h="height" c="centre of its root box"> with SVG from its top. Each
       subtree gets its own band below its elder siblings'; a parent sits centred on its
       children, and the children move down when it would stick out above them. -->
  <xsl:template match="*" mode="rt">
    <xsl:param name="depth"/>
    <xsl:param name="max-depth"/>
    <xsl:param name="col-w"/>
    <xsl:param name="gap"/>
    <xsl:variable name="box-rtf">
      <xsl:call-template name="rt-box">
        <xsl:with-param name="depth" select="$depth"/><xsl:with-param name="col-w" select="$col-w"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="box" select="exsl:node-set($box-rtf)/box"/>
    <xsl:variable name="bh" select="number($box/@h)"/>
    <xsl:variable name="x" select="2 + $depth * ($col-w + $gap)"/>
    <xsl:variable name="kids" select="r:councilGoal[$depth = 0] | r:goal[$depth &gt; 0]"/>
    <xsl:choose>
      <xsl:when test="$depth &lt; $max-depth and $kids">
        <xsl:variable name="subs-rtf">
          <xsl:apply-templates select="$kids" mode="rt">
            <xsl:with-param name="depth" select="$depth + 1"/><xsl:with-param name="max-depth" select="$max-depth"/>
            <xsl:with-param name="col-w" select="$col-w"/><xsl:with-param name="gap" select="$gap"/>
          </xsl:apply-templates>
        </xsl:variable>
        <xsl:variable name="subs" select="exsl:node-set($subs-rtf)/sub"/>
        <xsl:variable name="n" select="count($subs)"/>
        <xsl:variable name="off-n" select="sum($subs[position() &lt; $n]/@h) + 6 * ($n - 1)"/>
        <xsl:variable name="mid" select="($subs[1]/@c + $off-n + $subs[$n]/@c) div 2"/>
        <xsl:variable name="y0" select="$mid - $bh div 2"/>
        <xsl:variable name="shift" select="-$y0 * number($y0 &lt; 0)"/>
        <xsl:variable name="y" select="$y0 + $shift"/>
        <xsl:variable name="bottom" select="$off-n + $subs[$n]/@h + $shift"/>
        <xsl:variable name="h" select="$bottom + ($y + $bh - $bottom) * number($y + $bh &gt; $bottom)"/>
        <sub h="{$h}" c="{$y + $bh div 2}">
          <xsl:variable name="from-x" select="format-number($x + $col-w, '0.##')"/>
          <xsl:variable name="from-y" select="format-number($y + $bh div 2, '0.##')"/>
          <xsl:variable name="elbow-x" select="format-number($x + $col-w + $gap div 2, '0.##')"/>
          <xsl:variable name="to-x" select="format-number($x + $col-w + $gap, '0.##')"/>
          <xsl:for-each select="$subs">
            <xsl:variable name="cy" select="format-number($shift + sum(preceding-sibling::sub/@h) + 6 * (position() - 1) + @c, '0.##')"/>
            <svg:polyline points="{$from-x},{$from-y} {$elbow-x},{$from-y} {$elbow-x},{$cy} {$to-x},{$cy}"
                          fill="none" stroke="#8497B0" stroke-width="0.7"/>
          </xsl:for-each>
          <xsl:for-each select="$subs">
            <svg:g transform="translate(0,{format-number($shift + sum(preceding-sibling::sub/@h) + 6 * (position() - 1), '0.##')})">
              <xsl:copy-of select="node()"/>
            </svg:g>
          </xsl:for-each>
          <svg:g transform="translate({format-number($x, '0.##')},{format-number($y, '0.##')})">
            <xsl:copy-of select="$box/node()"/>
          </svg:g>
        </sub>
      </xsl:when>
      <xsl:otherwise>
        <sub h="{$bh}" c="{$bh div 2}">
          <svg:g transform="translate({format-number($x, '0.##')},0)">
            <xsl:copy-of select="$box/node()"/>
          </svg:g>
        </sub>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A box: status mark at the top left, id and title beside it, the level's label below. -->
  <xsl:template name="rt-box">
    <xsl:param name="depth"/>
    <xsl:param name="col-w"/>
    <xsl:variable name="level" select="string(r:assessment/@level)"/>
    <xsl:variable name="status" select="string(r:assessment/@status)"/>
    <xsl:variable name="mark" select="$level != ''"/>
    <xsl:variable name="indent" select="4 + 12 * number($mark)"/>
    <xsl:variable name="text-w" select="$col-w - $indent - 4"/>
    <xsl:variable name="bold" select="$depth &lt;= 1"/>
    <xsl:variable name="title"><xsl:apply-templates select="." mode="rt-text"/></xsl:variable>
    <xsl:variable name="label">
      <xsl:if test="$mark"><xsl:call-template name="level"><xsl:with-param name="id" select="$level"/></xsl:call-template></xsl:if>
    </xsl:variable>
    <xsl:variable name="title-rtf">
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="t" select="$title"/><xsl:with-param name="size" select="7"/>
        <xsl:with-param name="bold" select="$bold"/><xsl:with-param name="width" select="$text-w"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="title-lines" select="exsl:node-set($title-rtf)/l"/>
    <xsl:variable name="label-rtf">
      <xsl:if test="string($label) != ''">
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="t" select="$label"/><xsl:with-param name="size" select="6.5"/>
          <xsl:with-param name="width" select="$text-w"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="label-lines" select="exsl:node-set($label-rtf)/l"/>
    <xsl:variable name="top7" select="4 + $ASC * 7"/>
    <xsl:variable name="first" select="$top7 + (8.5 + $CENTRE * 7 - $top7) * number($mark and 8.5 + $CENTRE * 7 &gt; $top7)"/>
    <xsl:variable name="step" select="$LH * 7 + 1"/>
    <xsl:variable name="nt" select="count($title-lines)"/>
    <xsl:variable name="last-title" select="$first + ($nt - 1) * $step"/>
    <xsl:variable name="label-first" select="$last-title + $DESC * 7 + 1.5 + $ASC * 6.5"/>
    <xsl:variable name="label-step" select="$LH * 6.5 + 1"/>
    <xsl:variable name="nl" select="count($label-lines)"/>
    <xsl:variable name="b1" select="(4 + 9 * number($mark))"/>
    <xsl:variable name="b2" select="($last-title + $DESC * 7) * number($nt &gt; 0)"/>
    <xsl:variable name="b3" select="($label-first + ($nl - 1) * $label-step + $DESC * 6.5) * number($nl &gt; 0)"/>
    <xsl:variable name="b12" select="$b1 + ($b2 - $b1) * number($b2 &gt; $b1)"/>
    <xsl:variable name="bottom" select="$b12 + ($b3 - $b12) * number($b3 &gt; $b12)"/>
    <xsl:variable name="h" select="$bottom + 4"/>
    <box h="{$h}">
      <svg:rect x="0" y="0" width="{format-number($col-w, '0.##')}" height="{format-number($h, '0.##')}"
                stroke="#8497B0" stroke-width="0.5"
                fill="{substring('#1F3864#DCE3EF#F4F6FA', 1 + 7 * (number($depth &gt;= 1) + number($depth &gt;= 2)), 7)}"/>
      <xsl:if test="$mark">
        <svg:circle cx="8.5" cy="8.5" r="4.5" stroke="#FFFFFF" stroke-width="0.8">
          <xsl:attribute name="fill"><xsl:call-template name="status-color"><xsl:with-param name="status" select="$status"/></xsl:call-template></xsl:attribute>
        </svg:circle>
        <svg:text x="8.5" y="{format-number(8.5 + $CENTRE * 6.5, '0.##')}" text-anchor="middle" font-size="6.5"
                  font-weight="bold">
          <xsl:attribute name="fill">
            <xsl:choose>
              <xsl:when test="$status = 'green' or $status = 'red'">#FFFFFF</xsl:when>
              <xsl:otherwise>#1A1A1A</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:choose>
            <xsl:when test="$status = 'green'">&#10003;</xsl:when>
            <xsl:when test="$status = 'yellow'">~</xsl:when>
            <xsl:when test="$status = 'red'">&#10007;</xsl:when>
            <xsl:otherwise>?</xsl:otherwise>
          </xsl:choose>
        </svg:text>
      </xsl:if>
      <xsl:for-each select="$title-lines">
        <svg:text x="{$indent}" y="{format-number($first + (position() - 1) * $step, '0.##')}" font-size="7"
                  fill="{substring('#262626#FFFFFF', 1 + 7 * number($depth = 0), 7)}">
          <xsl:if test="$bold"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
          <xsl:value-of select="."/>
        </svg:text>
      </xsl:for-each>
      <xsl:for-each select="$label-lines">
        <svg:text x="{$indent}" y="{format-number($label-first + (position() - 1) * $label-step, '0.##')}"
                  font-size="6.5" fill="{substring('#595959#E6EBF3', 1 + 7 * number($depth = 0), 7)}">
          <xsl:value-of select="."/>
        </svg:text>
      </xsl:for-each>
    </box>
  </xsl:template>

  <!-- Alternative text: every path from the perspective to a leaf, "; " after each; a path
       after the first starts at the node it branches from, named short. -->
  <xsl:template match="*" mode="rt-alt">
    <xsl:param name="depth"/>
    <xsl:param name="max-depth"/>
    <xsl:param name="chain"/>
    <xsl:variable name="kind"><xsl:call-template name="rt-kind"><xsl:with-param name="depth" select="$depth"/></xsl:call-template></xsl:variable>
    <xsl:variable name="text"><xsl:apply-templates select="." mode="rt-text"/></xsl:variable>
    <xsl:variable name="level" select="string(r:assessment/@level)"/>
    <xsl:variable name="full">
      <xsl:value-of select="concat(normalize-space($kind), ' ', $text)"/>
      <xsl:if test="$level != ''">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="level"><xsl:with-param name="id" select="$level"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="here">
      <xsl:if test="$chain != ''"><xsl:value-of select="concat($chain, ' &#8594; ')"/></xsl:if>
      <xsl:value-of select="$full"/>
    </xsl:variable>
    <xsl:variable name="kids" select="r:councilGoal[$depth = 0] | r:goal[$depth &gt; 0]"/>
    <xsl:choose>
      <xsl:when test="$depth &lt; $max-depth and $kids">
        <xsl:variable name="short">
          <xsl:value-of select="concat(normalize-space($kind), ' ')"/>
          <xsl:choose>
            <xsl:when test="self::r:perspective"><xsl:value-of select="normalize-space(@name)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(@id)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:for-each select="$kids">
          <xsl:apply-templates select="." mode="rt-alt">
            <xsl:with-param name="depth" select="$depth + 1"/><xsl:with-param name="max-depth" select="$max-depth"/>
            <xsl:with-param name="chain">
              <xsl:choose>
                <xsl:when test="position() = 1"><xsl:value-of select="$here"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$short"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:apply-templates>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($here, '; ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
