#include "ems_vocabulary.h"

#include <array>

namespace rodtrad::bench {
namespace {

using Words = std::string_view;

template <class T, std::size_t N> constexpr std::span<const T> all(const std::array<T, N>& a) {
    return {a.data(), a.size()};
}

// Themes: 0 klimat, 1 avfall, 2 natur (see vocabulary.cpp).
constexpr std::array<AspectTemplate, 17> aspectList{{
    {"Uppvärmning av lokaler", "Användning av energi", "Utsläpp av växthusgaser", "operation",
     "normal", "direct", 0, -1, 0},
    {"Belysning och ventilation", "Elanvändning", "Resursförbrukning och klimatpåverkan",
     "operation", "normal", "direct", 0, -1, 0},
    {"Transporter med kommunens fordon", "Utsläpp från fordon",
     "Luftföroreningar och klimatpåverkan", "transport", "normal", "direct", 3, -1, 0},
    {"Tjänsteresor", "Förbränning av fossila bränslen", "Klimatpåverkan", "transport", "normal",
     "direct", 3, -1, 0},
    {"Förvaring av kemikalier", "Spill av kemikalier", "Förorening av mark och vatten", "operation",
     "emergency", "direct", 1, 0, 1},
    {"Måltidsverksamhet", "Matsvinn", "Resursförbrukning", "operation", "normal", "direct", 6, -1,
     1},
    {"Inköp av livsmedel", "Val av råvaror", "Påverkan på biologisk mångfald", "raw-material",
     "normal", "indirect", 4, -1, 2},
    {"Inköp av varor och tjänster", "Förbrukning av material", "Resursuttag och avfall",
     "raw-material", "normal", "indirect", 4, -1, 1},
    {"Städning", "Användning av rengöringsmedel", "Påverkan på vattenmiljön", "use", "normal",
     "direct", 5, -1, 2},
    {"Avfallshantering", "Uppkomst av avfall", "Resursförbrukning och utsläpp", "end-of-life",
     "normal", "direct", 2, -1, 1},
    {"Fysisk planering", "Exploatering av mark", "Förlust av biologisk mångfald", "design",
     "normal", "indirect", 8, -1, 2},
    {"Tillsyn enligt miljöbalken", "Påverkan på företagens utsläpp",
     "Minskade utsläpp till luft och vatten", "use", "normal", "indirect", 9, -1, 2},
    {"Drift av reningsverk", "Utsläpp av renat avloppsvatten", "Övergödning av sjöar och hav",
     "operation", "abnormal", "direct", 7, -1, 2},
    {"Brand i lokaler", "Brandgaser och släckvatten", "Förorening av luft, mark och vatten",
     "operation", "emergency", "direct", 1, 1, 1},
    {"Byggande och renovering", "Byggavfall och buller", "Resursförbrukning och störningar",
     "production", "abnormal", "direct", 2, -1, 1},
    {"Skyfall och översvämning", "Översvämning av lokaler och dagvattensystem",
     "Spridning av föroreningar", "operation", "emergency", "indirect", 8, 2, 2},
    {"Drift av oljeavskiljare", "Utsläpp av olja till dagvatten", "Förorening av vatten",
     "operation", "emergency", "direct", 7, 3, 2},
}};

constexpr std::array<ObligationTemplate, 13> obligationList{{
    {"Allmänna hänsynsregler", "SFS 1998:808 Miljöbalken",
     "https://www.riksdagen.se/sv/dokument-och-lagar/",
     "Verksamheten ska följa de allmänna "
     "hänsynsreglerna i 2 kap. miljöbalken.",
     "legal", 12},
    {"Verksamhetsutövares egenkontroll",
     "SFS 1998:901 Förordning om verksamhetsutövares egenkontroll", "",
     "Det ska finnas en fastställd och dokumenterad fördelning av det organisatoriska ansvaret "
     "och rutiner för kontroll av utrustning.",
     "legal", 12},
    {"Energikartläggning i stora företag", "SFS 2014:266 Lag om energikartläggning i stora företag",
     "",
     "Bolaget ska göra en energikartläggning vart fjärde år och rapportera den till "
     "Energimyndigheten.",
     "legal", 24},
    {"Avfallshantering", "SFS 2020:614 Avfallsförordning", "",
     "Avfall ska sorteras ut och förvaras separat; farligt avfall ska antecknas.", "legal", 12},
    {"Fluorerade växthusgaser", "SFS 2016:1128 Förordning om fluorerade växthusgaser", "",
     "Aggregat med köldmedier ska kontrolleras regelbundet och rapporteras till "
     "tillsynsmyndigheten.",
     "legal", 12},
    {"Kemikalieförteckning", "SFS 1998:901 7 § Förordning om egenkontroll", "",
     "Verksamheten ska föra en förteckning över kemiska produkter som hanteras.", "legal", 6},
    {"Tillstånd för miljöfarlig verksamhet", "Länsstyrelsens beslut 551-1234-2019", "",
     "Verksamheten ska bedrivas i enlighet med tillståndet och dess villkor.", "permit", 12},
    {"Villkor för utsläpp från reningsverket", "Miljöprövningsdelegationens beslut 2018-05-14", "",
     "Halten fosfor i utgående vatten får inte överstiga 0,3 mg per liter som årsmedelvärde.",
     "permit", 6},
    {"Föreläggande om dagvattenrening", "Miljö- och hälsoskyddsnämndens beslut MHN 2023/45", "",
     "Dagvatten från parkeringsytor ska renas innan det når recipienten.", "permit", 12},
    {"Avtal om fossilfria transporter", "Ramavtal transporttjänster 2024", "",
     "Leverantören ska utföra transporterna med fossilfria drivmedel.", "agreement", 12},
    {"Klimatlöften", "Klimatkommunernas klimatlöften 2025", "https://www.klimatkommunerna.se/",
     "Kommunen åtar sig att genomföra de klimatlöften som kommunstyrelsen antagit.", "voluntary",
     12},
    {"Fossilfritt Sverige", "Deklaration inom initiativet Fossilfritt Sverige", "",
     "Kommunen ska vara fossilfri i sina egna verksamheter.", "voluntary", 24},
    {"Miljökrav i upphandling", "Upphandlingsmyndighetens hållbarhetskriterier",
     "https://www.upphandlingsmyndigheten.se/",
     "Upphandlingar över direktupphandlingsgränsen "
     "ska innehålla miljökrav där det är relevant.",
     "agreement", 12},
}};

constexpr std::array<ControlTemplate, 10> controlList{{
    {"Driftoptimering av värmesystem",
     "Drifttekniker kontrollerar inomhustemperatur och injusterar värmesystemet varje höst.",
     "Inomhustemperatur 20–22 °C under eldningssäsongen.", "Driftchef"},
    {"Rutin för kemikaliehantering",
     "Kemikalier förvaras invallat och förtecknas i kemikalieregistret före användning.",
     "Alla kemiska produkter finns i registret med aktuellt säkerhetsdatablad.",
     "Kemikalieansvarig"},
    {"Rutin för avfallssortering",
     "Avfall sorteras i de fraktioner som anges i avfallshanteringsplanen; farligt avfall lämnas "
     "till godkänd mottagare.",
     "Andel felsorterat avfall under 5 procent vid stickprov.", "Enhetschef"},
    {"Rutin för fordon och resor",
     "Fordon väljs enligt fordonspolicyn; resor över 50 km görs med tåg när det är möjligt.",
     "Alla nya fordon är fossilfria.", "Fordonssamordnare"},
    {"Rutin för miljökrav vid upphandling",
     "Upphandlaren bedömer i varje upphandling vilka miljökrav som är relevanta och dokumenterar "
     "bedömningen.",
     "Miljökrav finns i alla upphandlingar där de är relevanta.", "Upphandlare"},
    {"Rutin för städning med miljömärkta medel",
     "Endast miljömärkta rengöringsmedel används; dosering enligt instruktion.",
     "Inga andra medel i städförråden vid egenkontroll.", "Lokalvårdschef"},
    {"Rutin för matsvinnsmätning",
     "Tallrikssvinn och kökssvinn vägs varje dag och rapporteras veckovis.",
     "Svinnet mäts minst fyra veckor per termin.", "Kostchef"},
    {"Egenkontrollprogram för reningsverket",
     "Provtagning och analys av utgående vatten enligt kontrollprogrammet.",
     "Villkoren i tillståndet innehålls.", "Driftchef"},
    {"Rutin för planläggning och miljöbedömning",
     "Varje detaljplan föregås av en undersökning av betydande miljöpåverkan.",
     "Dokumenterad undersökning i varje planärende.", "Planchef"},
    {"Tillsynsplan enligt miljöbalken",
     "Tillsynen planeras utifrån behovsutredningen och följs upp varje tertial.",
     "Planerad tillsyn genomförs till minst 90 procent.", "Miljöchef"},
}};

constexpr std::array<ScenarioTemplate, 4> scenarioList{{
    {"Kemikaliespill i förråd",
     "Stoppa läckaget, sätt ut absorbent och kontakta räddningstjänsten vid större spill.",
     "Förrådsansvarig", "Saneringsutrustningen fanns på plats och användes rätt.",
     "Kontaktlistan behövde uppdateras."},
    {"Brand i lokaler",
     "Utrymning enligt plan; släckvatten samlas upp med tätningsmattor vid dagvattenbrunnar.",
     "Säkerhetssamordnare", "Utrymningen tog fyra minuter.",
     "Tätningsmattorna förvarades för långt från brunnarna."},
    {"Översvämning vid skyfall",
     "Flytta kemikalier och avfall från källarplan, stäng av el i utsatta utrymmen och kontakta "
     "VA-jouren.",
     "Fastighetschef", "Rutinen följdes men pumparna startade sent.",
     "Larm på pumparna installeras."},
    {"Oljeutsläpp till dagvatten",
     "Stäng avstängningsventilen, sanera med absorbent och larma räddningstjänsten.", "Driftchef",
     "Ventilen stängdes inom tio minuter.", "Fler medarbetare behöver utbildning."},
}};

constexpr std::array<ParameterTemplate, 7> parameterList{{
    {"Elanvändning i {}", "kWh", "Avläsning av huvudmätare för el varje månad.", "Elmätare, {}", 0,
     0, 8000, 90000},
    {"Fjärrvärme i {}", "MWh", "Avläsning av fjärrvärmemätare varje månad.", "Fjärrvärmemätare, {}",
     0, 1, 100, 4000},
    {"Drivmedel till fordon i {}", "liter", "Sammanställning av tankkortsdata varje månad.",
     "Tankkortssystem, {}", 0, 0, 200, 6000},
    {"Avfall från {}", "ton", "Vägning vid återvinningscentralen.", "Fordonsvåg, {}", 1, 1, 10,
     600},
    {"Matsvinn i {}", "kg", "Vägning av tallriks- och kökssvinn varje dag.", "Våg, {}", 1, 0, 50,
     900},
    {"Vattenförbrukning i {}", "kubikmeter", "Avläsning av vattenmätare varje månad.",
     "Vattenmätare, {}", 2, 0, 100, 4000},
    {"Fosfor i utgående vatten från {}", "mg per liter",
     "Flödesproportionell provtagning varje vecka, analys på ackrediterat laboratorium.",
     "Provtagare, {}", 2, 2, 5, 40},
}};

constexpr std::array<IssueTemplate, 14> issueList{{
    {"political", "external", "Nya nationella krav på klimatredovisning i kommunerna.", "both",
     "Kraven ger underlag för prioriteringar men kräver resurser för uppföljning."},
    {"political", "internal", "Den politiska majoriteten har höjt ambitionen i klimatarbetet.",
     "opportunity", "Ger stöd för investeringar i energieffektivisering."},
    {"economic", "external", "Stigande energipriser och räntor.", "risk",
     "Investeringar i energieffektivisering kan skjutas upp."},
    {"economic", "internal", "Effektiviseringskrav i budgeten.", "risk",
     "Mindre utrymme för miljöledningssystemsamordnare och utbildning."},
    {"social", "external", "Befolkningen växer och behovet av förskolor och skolor ökar.", "risk",
     "Nybyggnation ökar energianvändningen om inte lokalerna byggs energieffektivt."},
    {"social", "external", "Invånarna förväntar sig att kommunen går före i omställningen.",
     "opportunity", "Stöd för åtgärder som syns i vardagen."},
    {"technological", "external", "Ny teknik för solenergi och energilagring blir billigare.",
     "opportunity", "Fler tak kan förses med solceller."},
    {"technological", "internal", "Digitala mätsystem införs i fastigheterna.", "opportunity",
     "Bättre underlag för driftoptimering."},
    {"legal", "external", "Ändrade regler för avfallshantering och producentansvar.", "risk",
     "Rutinerna för avfallssortering behöver ses över."},
    {"legal", "external", "EU:s taxonomi och krav på hållbarhetsredovisning.", "both",
     "Bolagen behöver redovisa miljödata på ett nytt sätt."},
    {"environmental", "external", "Övergödning i sjöar och vattendrag.", "risk",
     "Krav på förbättrad rening av dag- och avloppsvatten."},
    {"environmental", "internal", "Kemikalier i förskolemiljöer.", "risk",
     "Behov av att inventera och fasa ut material med farliga ämnen."},
    {"climate", "external", "Fler skyfall ger översvämningsrisk i låglänta områden.", "risk",
     "Fastigheter och verksamheter kan behöva evakueras."},
    {"climate", "external", "Värmeböljor påverkar äldre och barn.", "risk",
     "Behov av svalare lokaler och rutiner vid värmebölja."},
}};

constexpr std::array<Words, 2> residentNeeds{"Tillgänglig information om kommunens miljöarbete",
                                             "Ren luft och rent vatten i närmiljön"};
constexpr std::array<Words, 2> authorityNeeds{"Att kommunen följer miljöbalken",
                                              "Att tillståndsvillkoren innehålls"};
constexpr std::array<Words, 2> businessNeeds{"Snabb och förutsägbar tillsyn",
                                             "Tydliga miljökrav i upphandlingar"};
constexpr std::array<Words, 2> staffNeeds{"En god arbetsmiljö utan farliga kemikalier",
                                          "Utbildning i miljöfrågor"};
constexpr std::array<Words, 1> councilNeeds{"Att klimatlöftena genomförs"};
constexpr std::array<Words, 2> associationNeeds{"Skydd av tätortsnära natur",
                                                "Möjlighet att påverka planer"};
constexpr std::array<Words, 1> supplierNeeds{"Långsiktiga och tydliga krav"};
constexpr std::array<Words, 2> parentNeeds{"Giftfria förskolor", "Ekologisk mat i skolan"};

constexpr std::array<PartyTemplate, 8> partyList{{
    {"Invånare", all(residentNeeds), -1},
    {"Länsstyrelsen", all(authorityNeeds), 0},
    {"Företag och näringsidkare", all(businessNeeds), 12},
    {"Medarbetare", all(staffNeeds), 5},
    {"Kommunfullmäktige", all(councilNeeds), 10},
    {"Föreningar och organisationer", all(associationNeeds), -1},
    {"Leverantörer", all(supplierNeeds), 9},
    {"Vårdnadshavare", all(parentNeeds), -1},
}};

constexpr std::array<Words, 3> coordinatorRequirements{
    "Kunskap om ISO 14001 och miljölagstiftning", "Erfarenhet av förändringsarbete",
    "Utbildning som miljöledningssystemsamordnare"};
constexpr std::array<Words, 2> auditorRequirements{"Utbildning i revision enligt ISO 19011",
                                                   "Kunskap om ISO 14001"};
constexpr std::array<Words, 2> technicianRequirements{"Kunskap om rutinen för driftoptimering",
                                                      "Behörighet för köldmediehantering"};
constexpr std::array<Words, 2> managerRequirements{"Grundläggande miljöutbildning",
                                                   "Kunskap om enhetens miljöaspekter"};
constexpr std::array<Words, 2> buyerRequirements{"Kunskap om miljökrav i offentlig upphandling",
                                                 "Kunskap om livscykelkostnader"};
constexpr std::array<Words, 2> chemicalRequirements{"Utbildning i kemikaliehantering",
                                                    "Kunskap om säkerhetsdatablad"};

constexpr std::array<RoleTemplate, 6> roleList{{
    {"roll-miljosamordnare", "Miljöledningssystemsamordnare", all(coordinatorRequirements)},
    {"roll-internrevisor", "Internrevisor", all(auditorRequirements)},
    {"roll-drifttekniker", "Drifttekniker", all(technicianRequirements)},
    {"roll-enhetschef", "Enhetschef", all(managerRequirements)},
    {"roll-upphandlare", "Upphandlare", all(buyerRequirements)},
    {"roll-kemikalieansvarig", "Kemikalieansvarig", all(chemicalRequirements)},
}};

constexpr std::array<TrainingTemplate, 6> trainingList{{
    {"Miljöutbildning för alla medarbetare", "Intern utbildning"},
    {"Internrevision av miljöledningssystem", "Extern utbildningsanordnare"},
    {"ISO 14001 för chefer", "Extern utbildningsanordnare"},
    {"Kemikaliehantering i verksamheten", "Intern utbildning"},
    {"Sparsam körning", "Trafikskola"},
    {"Miljökrav i offentlig upphandling", "Upphandlingsmyndigheten"},
}};

constexpr std::array<CommunicationTemplate, 10> communicationList{{
    {"Alla medarbetare", "Miljöpolicyn",
     "Miljöpolicyn publicerades på intranätet med en kort film.", "", "information", "internal",
     "intranet"},
    {"Boende i {}", "Nedskräpning vid återvinningsstation", "Klagomål på överfulla behållare.",
     "Tömningsintervallet ses över; ärendet registrerat som avvikelse.", "complaint", "external",
     "email"},
    {"Länsstyrelsen", "Miljörapport för reningsverket", "Den årliga miljörapporten lämnades in.",
     "", "reporting", "external", "report"},
    {"Enhetschefer i {}", "Resultat av internrevisionen",
     "Resultatet presenterades på ledningsgruppens möte.", "", "information", "internal",
     "meeting"},
    {"Invånare i {}", "Fråga om solceller på skolans tak",
     "En invånare frågade om kommunen planerar solceller.",
     "Svar med information om kommunens solcellsprogram.", "inquiry", "external", "email"},
    {"Naturskyddsföreningen", "Samråd om detaljplan för {}",
     "Föreningen lämnade synpunkter om naturvärden.",
     "Synpunkterna beaktas i planens miljöbedömning.", "consultation", "external", "meeting"},
    {"Lokaltidningen", "Kommunens klimatarbete", "Intervju med miljöstrategen om klimatlöftena.",
     "", "information", "external", "press"},
    {"Boende i {}", "Buller från byggarbetsplats", "Klagomål på buller tidigt på morgonen.",
     "Entreprenören har informerats om tillåtna arbetstider.", "complaint", "external", "phone"},
    {"Medarbetare i {}", "Frågor om sortering av farligt avfall",
     "Frågor om var batterier och lysrör ska lämnas.",
     "Instruktionen har förtydligats på intranätet.", "inquiry", "internal", "intranet"},
    {"Invånare", "Miljöbokslut", "Kommunens miljöbokslut publicerades på webbplatsen.", "",
     "information", "external", "web"},
}};

constexpr std::array<NonconformityTemplate, 8> nonconformityList{{
    {"Rutinen för driftoptimering var inte uppdaterad efter ombyggnaden.",
     "Ingen ägde uppgiften att uppdatera rutiner efter ombyggnader.", "Rutinen uppdaterades.",
     "Lägga in uppdatering av rutiner i checklistan för slutbesiktning.", "8.1"},
    {"Kemikalieförteckningen saknades på två förskolor.",
     "Ansvaret för förteckningen var inte fördelat efter omorganisationen.",
     "Förteckningen upprättades.", "Utse kemikalieansvarig på varje enhet.", "6.1.3"},
    {"Farligt avfall förvarades utan invallning.",
     "Medarbetarna kände inte till kraven på invallning.",
     "Avfallet flyttades till miljöstationen.",
     "Genomföra utbildning i avfallshantering för alla medarbetare.", "8.1"},
    {"Utvärderingen av efterlevnad var inte dokumenterad.",
     "Mallen för utvärdering var inte känd i förvaltningen.",
     "Utvärderingen dokumenterades i efterhand.",
     "Införa mallen i årshjulet för miljöledningsarbetet.", "9.1.2"},
    {"Mätvärden för energi saknades för tre månader.",
     "Mätaren byttes utan att avläsningsrutinen uppdaterades.",
     "Värdena uppskattades utifrån fakturor.", "Koppla mätarbyten till avläsningsrutinen.",
     "9.1.1"},
    {"Klagomål på nedskräpning vid återvinningsstationen.",
     "Tömningsintervallet var inte anpassat efter säsong.", "Extra tömning beställdes.",
     "Säsongsanpassa tömningsintervallet i avtalet.", "8.1"},
    {"Nyanställda hade inte fått miljöutbildning.",
     "Miljöutbildningen saknades i introduktionsprogrammet.", "Utbildningen genomfördes.",
     "Lägga in miljöutbildningen i introduktionsprogrammet.", "7.2"},
    {"Oljeavskiljaren var inte tömd enligt plan.",
     "Tömningen var inte inlagd i underhållssystemet.", "Tömning beställdes.",
     "Lägga in tömning i underhållssystemet med påminnelse.", "8.2"},
}};

constexpr std::array<Words, 2> auditClausesA{"6.1.2", "8.1"};
constexpr std::array<Words, 2> auditClausesB{"6.1.3", "9.1.2"};
constexpr std::array<Words, 3> auditClausesC{"7.2", "7.3", "7.4.1"};
constexpr std::array<Words, 2> auditClausesD{"6.2.1", "9.1.1"};
constexpr std::array<Words, 2> auditClausesE{"8.2", "10.2"};
constexpr std::array<Words, 2> auditClausesF{"4.1", "5.2"};

constexpr std::array<AuditTemplate, 6> auditList{{
    {"Miljöaspekter och verksamhetsstyrning.", all(auditClausesA)},
    {"Bindande krav och utvärdering av efterlevnad.", all(auditClausesB)},
    {"Kompetens, medvetenhet och kommunikation.", all(auditClausesC)},
    {"Miljömål och övervakning av miljöprestanda.", all(auditClausesD)},
    {"Nödlägesberedskap och hantering av avvikelser.", all(auditClausesE)},
    {"Organisationens förutsättningar och miljöpolicy.", all(auditClausesF)},
}};

constexpr std::array<ReviewInputTemplate, 14> reviewInputList{{
    {"previous-actions", "Tre av fyra åtgärder från föregående genomgång är genomförda."},
    {"changes-issues", "Stigande energipriser och fler skyfall har lagts till i omvärldsanalysen."},
    {"changes-needs", "Invånarnas förväntningar på klimatarbetet har ökat."},
    {"changes-aspects", "Två nya betydande miljöaspekter har identifierats."},
    {"changes-obligations", "Ny avfallsförordning har förts in i registret över bindande krav."},
    {"risks-opportunities", "Möjligheten till solceller på skolornas tak bör tas till vara."},
    {"objectives", "Flertalet miljömål är delvis uppfyllda; energimålet är uppfyllt."},
    {"nonconformities", "Avvikelserna har åtgärdats och effekten verifierats."},
    {"monitoring", "Energianvändningen minskar men mätvärden saknades för tre månader."},
    {"compliance", "Utvärderingen av efterlevnad visar att kraven i huvudsak uppfylls."},
    {"audits", "Internrevisionerna visar att systemet i huvudsak är infört och fungerar."},
    {"resources", "Resurserna för energiuppföljning behöver ses över."},
    {"communications", "Klagomålen gällde främst nedskräpning och buller."},
    {"improvement", "Samordningen mellan förvaltningarnas miljöombud kan förbättras."},
}};

constexpr std::array<ReviewOutputTemplate, 6> reviewOutputList{{
    {"decision", "Miljöledningssystemet bedöms lämpligt, tillräckligt och verkningsfullt."},
    {"action", "Rutinen för mätaravläsning ses över i alla förvaltningar."},
    {"resource", "En halvtidstjänst för energiuppföljning tillsätts."},
    {"improvement", "Ett nätverk för miljöombud startas."},
    {"objectives", "Åtgärdsplanen för avfallsmålet förstärks."},
    {"integration", "Miljöaspekterna integreras i verksamhetsplaneringen."},
}};

constexpr std::array<Words, 10> findingClauseList{"6.1.2", "6.1.3", "7.2",   "7.3",   "7.4.1",
                                                  "8.1",   "8.2",   "9.1.1", "9.1.2", "10.2"};
constexpr std::array<Words, 8> findingTextList{
    "Rutinen följs i allt väsentligt.",
    "Dokumentationen av utbildning var ofullständig.",
    "Kemikalieförteckningen var inte uppdaterad.",
    "Energistatistiken kan redovisas per verksamhet.",
    "Medarbetarna kände väl till enhetens miljöaspekter.",
    "Avfallssorteringen fungerar men skyltningen kan förbättras.",
    "Uppföljningen av miljömålen sker inte i alla arbetslag.",
    "Nödlägesrutinen var inte övad under året.",
};

} // namespace

std::span<const AspectTemplate> aspectTemplates() {
    return aspectList;
}
std::span<const ObligationTemplate> obligationTemplates() {
    return obligationList;
}
std::span<const ControlTemplate> controlTemplates() {
    return controlList;
}
std::span<const ScenarioTemplate> scenarioTemplates() {
    return scenarioList;
}
std::span<const ParameterTemplate> parameterTemplates() {
    return parameterList;
}
std::span<const IssueTemplate> issueTemplates() {
    return issueList;
}
std::span<const PartyTemplate> partyTemplates() {
    return partyList;
}
std::span<const RoleTemplate> roleTemplates() {
    return roleList;
}
std::span<const TrainingTemplate> trainingTemplates() {
    return trainingList;
}
std::span<const CommunicationTemplate> communicationTemplates() {
    return communicationList;
}
std::span<const NonconformityTemplate> nonconformityTemplates() {
    return nonconformityList;
}
std::span<const AuditTemplate> auditTemplates() {
    return auditList;
}
std::span<const ReviewInputTemplate> reviewInputs() {
    return reviewInputList;
}
std::span<const ReviewOutputTemplate> reviewOutputs() {
    return reviewOutputList;
}
std::span<const std::string_view> findingClauses() {
    return findingClauseList;
}
std::span<const std::string_view> findingTexts() {
    return findingTextList;
}

} // namespace rodtrad::bench
