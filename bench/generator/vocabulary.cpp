#include "vocabulary.h"

#include <array>

namespace rodtrad::bench {
namespace {

using F = Formula;
using Words = std::string_view;

// Percent with one decimal: 0.0 to 100.0.
constexpr std::int64_t pct = 1000;

constexpr std::array<Perspective, 4> perspectiveList{{
    {"samhalle-miljo", "Samhälle och miljö",
     "En hållbar kommun där det är tryggt att bo, verka och leva, med en natur och miljö i "
     "balans."},
    {"medborgare", "Medborgare och brukare",
     "Invånare och brukare får en likvärdig service av god kvalitet, med barnets bästa och ett "
     "gott bemötande i fokus."},
    {"medarbetare", "Medarbetare",
     "Kommunen är en attraktiv arbetsgivare med engagerade medarbetare och ett gott "
     "ledarskap."},
    {"ekonomi", "Ekonomi",
     "Kommunen har en långsiktigt hållbar ekonomi och använder skattemedlen effektivt."},
}};

constexpr std::array<Words, 8> climatePhrases{
    "Kommunens klimatpåverkan minskar",
    "Energianvändningen i kommunens lokaler minskar",
    "Resor och transporter i kommunens verksamheter blir fossilfria",
    "Andelen förnybar energi ökar",
    "Kommunen är väl förberedd för ett förändrat klimat",
    "Utsläppen av växthusgaser minskar varje år",
    "Kommunens fordon drivs med förnybara drivmedel",
    "Energieffektiviseringsåtgärder genomförs i hela fastighetsbeståndet",
};
constexpr std::array<IndicatorTemplate, 6> climateIndicators{{
    {"Utsläpp av växthusgaser", "ton CO2-ekvivalenter per invånare", false, 2, 250, 450, 50, 1500,
     F::average, "", false, "N00401"},
    {"Energianvändning i kommunens lokaler", "kWh per kvadratmeter", false, 0, 110, 180, 40, 400,
     F::weightedAverage, "area", false, "N00956"},
    {"Andel fossilfria fordon i kommunens fordonsflotta", "procent", true, 1, 200, 800, 0, pct,
     F::average, "", false, "U00413"},
    {"Fjärrvärmeförbrukning", "MWh", false, 0, 400, 5000, 0, 100000, F::sum, "", false, ""},
    {"Andel förnybar el", "procent", true, 1, 500, 990, 0, pct, F::average, "", false, ""},
    {"Tjänsteresor med bil", "km per årsarbetare", false, 0, 300, 1500, 0, 10000,
     F::weightedAverage, "antal-anstallda", false, ""},
}};
constexpr std::array<Words, 7> climateActivities{
    "Byta till LED-belysning i lokalerna",
    "Genomföra energieffektiviseringsåtgärder i fastigheterna",
    "Ersätta fossildrivna fordon vid upphandling",
    "Införa digitala möten i stället för tjänsteresor",
    "Ta fram en klimatanpassningsstrategi för verksamheten",
    "Installera solceller på taken",
    "Utbilda medarbetarna i sparsam körning",
};

constexpr std::array<Words, 7> wastePhrases{
    "Avfallsmängderna minskar",
    "Mer material återanvänds och återvinns",
    "Matsvinnet i kommunens kök minskar",
    "Kommunens upphandlingar ställer höga miljökrav",
    "Kemikalieanvändningen i verksamheterna minskar",
    "Cirkulära flöden ersätter engångsmaterial",
    "Nedskräpningen i offentliga miljöer minskar",
};
constexpr std::array<IndicatorTemplate, 5> wasteIndicators{{
    {"Hushållsavfall per invånare", "kg per invånare", false, 0, 350, 520, 100, 1000, F::average,
     "", false, "N07932"},
    {"Andel hushållsavfall till materialåtervinning", "procent", true, 1, 250, 550, 0, pct,
     F::average, "", false, "N07933"},
    {"Matsvinn i skolkök", "gram per portion", false, 0, 25, 80, 0, 400, F::weightedAverage,
     "portioner", false, ""},
    {"Andel upphandlingar med miljökrav", "procent", true, 1, 400, 900, 0, pct, F::average, "",
     false, ""},
    {"Mängd osorterat avfall från verksamheten", "ton", false, 1, 50, 900, 0, 100000, F::sum, "",
     false, ""},
}};
constexpr std::array<Words, 6> wasteActivities{
    "Införa källsortering av matavfall i alla kök", "Mäta och följa upp matsvinnet varje vecka",
    "Ta fram en ny avfallshanteringsplan",          "Ställa miljökrav i livsmedelsupphandlingen",
    "Inventera och fasa ut farliga kemikalier",     "Starta en återbruksverkstad för möbler",
};

constexpr std::array<Words, 6> naturePhrases{
    "Den biologiska mångfalden stärks",
    "Vattenkvaliteten i sjöar och vattendrag förbättras",
    "Andelen ekologiska livsmedel ökar",
    "Grönområden och tätortsnära natur bevaras och utvecklas",
    "Dagvattenhanteringen skyddar sjöar och vattendrag",
    "Invånarna har nära till natur och friluftsliv",
};
constexpr std::array<IndicatorTemplate, 4> natureIndicators{{
    {"Andel ekologiska livsmedel", "procent", true, 1, 200, 600, 0, pct, F::weightedAverage,
     "portioner", false, "N07400"},
    {"Andel skyddad natur", "procent", true, 1, 20, 120, 0, pct, F::own, "", false, "N85058"},
    {"Vattenförekomster med god ekologisk status", "antal", true, 0, 1, 12, 0, 100, F::sum, "",
     false, ""},
    {"Andel av invånarna med högst 300 meter till grönområde", "procent", true, 1, 700, 950, 0, pct,
     F::average, "", false, ""},
}};
constexpr std::array<Words, 5> natureActivities{
    "Anlägga blomsterängar för pollinerande insekter",
    "Genomföra en naturvärdesinventering",
    "Ta fram en handlingsplan för dagvattenhantering",
    "Öka andelen ekologiska råvaror i måltiderna",
    "Restaurera våtmarker i samarbete med markägare",
};

constexpr std::array<Words, 7> societyPhrases{
    "Invånarna upplever trygghet i sin vardag",
    "Kommunen är en attraktiv plats att bo och verka i",
    "Fler bostäder byggs i alla kommundelar",
    "Näringslivet växer och fler företag etablerar sig",
    "Fler invånare är självförsörjande",
    "Kollektivtrafiken och cykelvägarna byggs ut",
    "Trafiksäkerheten för barn och unga förbättras",
};
constexpr std::array<IndicatorTemplate, 5> societyIndicators{{
    {"Andel invånare som känner sig trygga utomhus på kvällen", "procent", true, 1, 550, 800, 0,
     pct, F::average, "", true, "U07451"},
    {"Antal färdigställda bostäder", "antal", true, 0, 50, 600, 0, 10000, F::sum, "", false,
     "N07925"},
    {"Nöjd-Region-Index", "index", true, 0, 50, 70, 0, 100, F::average, "", false, "U07402"},
    {"Andel förvärvsarbetande invånare 20–64 år", "procent", true, 1, 720, 850, 0, pct, F::average,
     "", true, "N00914"},
    {"Företagsklimat enligt Nöjd-Kund-Index", "index", true, 0, 60, 80, 0, 100, F::average, "",
     false, "U07414"},
}};
constexpr std::array<Words, 5> societyActivities{
    "Genomföra trygghetsvandringar med invånarna",
    "Förbättra belysningen längs gång- och cykelvägar",
    "Ta fram ett trafiksäkerhetsprogram",
    "Utveckla samverkan med näringslivet",
    "Införa en snabbare handläggning av bygglov",
};

constexpr std::array<Words, 8> educationPhrases{
    "Fler elever når kunskapskraven",
    "Alla barn ges en trygg och stimulerande förskola",
    "Fler elever fullföljer gymnasiet",
    "Skolan kompenserar för elevernas olika förutsättningar",
    "Eleverna känner sig trygga i skolan",
    "Barn och elever har inflytande över sin utbildning",
    "Förskoleverksamhetsutvecklingen bygger på forskning och beprövad erfarenhet",
    "Fler vuxna studerar vidare eller får arbete",
};
constexpr std::array<IndicatorTemplate, 6> educationIndicators{{
    {"Andel elever i årskurs 9 som uppnått kunskapskraven i alla ämnen", "procent", true, 1, 600,
     850, 0, pct, F::weightedAverage, "antal-elever", true, "N15419"},
    {"Meritvärde i årskurs 9", "poäng", true, 1, 2000, 2500, 0, 3400, F::weightedAverage,
     "antal-elever", true, "N15505"},
    {"Antal barn per årsarbetare i förskolan", "antal", false, 1, 45, 60, 10, 150,
     F::weightedAverage, "antal-barn", false, "N11102"},
    {"Andel elever som känner sig trygga i skolan", "procent", true, 1, 750, 950, 0, pct,
     F::weightedAverage, "antal-elever", true, "N15813"},
    {"Andel gymnasieelever med examen inom fyra år", "procent", true, 1, 650, 850, 0, pct,
     F::average, "", true, "N17461"},
    {"Andel legitimerade lärare", "procent", true, 1, 650, 950, 0, pct, F::average, "", false,
     "N15034"},
}};
constexpr std::array<Words, 7> educationActivities{
    "Införa läsfrämjande insatser i alla årskurser",
    "Utveckla det kollegiala lärandet",
    "Genomföra en likvärdighetsgaranti för elever i behov av stöd",
    "Kartlägga elevernas närvaro varje månad",
    "Stärka samarbetet med vårdnadshavare",
    "Införa ett systematiskt kvalitetsarbete i förskolan",
    "Utbilda personalen i språkutvecklande arbetssätt",
};

constexpr std::array<Words, 7> carePhrases{
    "Äldre upplever en god och trygg omsorg",
    "Brukarna har inflytande över sin vardag",
    "Fler får stöd att leva ett självständigt liv",
    "Barn och unga i utsatta situationer får tidigt stöd",
    "Äldreomsorgsverksamheten har hög kontinuitet",
    "Personer med funktionsnedsättning har en meningsfull sysselsättning",
    "Våld i nära relationer förebyggs och upptäcks tidigt",
};
constexpr std::array<IndicatorTemplate, 5> careIndicators{{
    {"Andel brukare som är nöjda med hemtjänsten", "procent", true, 1, 800, 950, 0, pct,
     F::weightedAverage, "antal-brukare", true, "U21468"},
    {"Antal personal som en hemtjänsttagare möter under 14 dagar", "antal", false, 0, 9, 20, 1, 60,
     F::average, "", false, "U21401"},
    {"Väntetid till särskilt boende", "dagar", false, 0, 30, 120, 0, 720, F::max, "", false,
     "N21014"},
    {"Andel nöjda brukare i daglig verksamhet", "procent", true, 1, 750, 950, 0, pct,
     F::weightedAverage, "antal-brukare", true, "U28532"},
    {"Andel utredningar inom socialtjänsten klara inom fyra månader", "procent", true, 1, 500, 900,
     0, pct, F::average, "", false, "N79115"},
}};
constexpr std::array<Words, 6> careActivities{
    "Införa fast omsorgskontakt i hemtjänsten",
    "Utveckla arbetet med genomförandeplaner",
    "Genomföra brukarundersökningar två gånger per år",
    "Utbilda personalen i socialtjänstlagstiftning",
    "Införa välfärdsteknik i hemtjänsten",
    "Stärka samverkan med regionens vårdcentraler",
};

constexpr std::array<Words, 5> culturePhrases{
    "Invånarna har tillgång till ett rikt kultur- och fritidsliv",
    "Fler unga deltar i föreningslivet",
    "Biblioteken är mötesplatser för alla",
    "Kulturarvet bevaras och görs tillgängligt",
    "Fler barn lär sig simma",
};
constexpr std::array<IndicatorTemplate, 4> cultureIndicators{{
    {"Antal besök på biblioteken per invånare", "besök per invånare", true, 1, 30, 80, 0, 300,
     F::average, "", false, "N09804"},
    {"Antal deltagartillfällen i idrottsföreningar", "per invånare 7–20 år", true, 1, 200, 400, 0,
     2000, F::average, "", true, "N09122"},
    {"Andel elever i kulturskolan", "procent", true, 1, 100, 300, 0, pct, F::average, "", true, ""},
    {"Antal besökare på fritidsgårdarna", "antal", true, 0, 2000, 20000, 0, 500000, F::sum, "",
     true, ""},
}};
constexpr std::array<Words, 5> cultureActivities{
    "Utöka öppettiderna på biblioteken",
    "Erbjuda simskola för alla barn i förskoleklass",
    "Genomföra ett kulturarvsprojekt med skolorna",
    "Starta mötesplatser för unga på sommarlovet",
    "Utveckla föreningsbidragen",
};

constexpr std::array<Words, 6> servicePhrases{
    "Invånarna får ett gott bemötande och snabb service",
    "Fler e-tjänster gör det enkelt att kontakta kommunen",
    "Handläggningen är rättssäker och effektiv",
    "Digitaliseringsstrategin ger invånarna bättre service",
    "Informationen till invånarna är tydlig och tillgänglig",
    "Företagare upplever en god service från kommunen",
};
constexpr std::array<IndicatorTemplate, 4> serviceIndicators{{
    {"Andel som får svar på e-post inom en dag", "procent", true, 1, 600, 950, 0, pct, F::average,
     "", false, "U00401"},
    {"Antal e-tjänster", "antal", true, 0, 10, 120, 0, 2000, F::sum, "", false, ""},
    {"Handläggningstid för bygglov", "dagar", false, 0, 20, 70, 0, 365, F::average, "", false,
     "U00809"},
    {"Andel som upplever ett gott bemötande", "procent", true, 1, 700, 950, 0, pct, F::average, "",
     true, "U00411"},
}};
constexpr std::array<Words, 5> serviceActivities{
    "Införa fler e-tjänster på webbplatsen",    "Utbilda medarbetarna i klarspråk",
    "Införa ett gemensamt kontaktcenter",       "Mäta handläggningstider varje månad",
    "Genomföra en medborgardialog om servicen",
};

constexpr std::array<Words, 6> staffPhrases{
    "Medarbetarna är engagerade och trivs",
    "Kommunen är en attraktiv arbetsgivare",
    "Sjukfrånvaron minskar",
    "Chefer har goda förutsättningar att leda",
    "Kompetensförsörjningsplanen säkrar framtidens kompetens",
    "Arbetsmiljöförbättringsarbetet ger en hälsosam arbetsplats",
};
constexpr std::array<IndicatorTemplate, 4> staffIndicators{{
    {"Sjukfrånvaro", "procent", false, 1, 50, 100, 0, pct, F::weightedAverage, "antal-anstallda",
     true, "N00090"},
    {"Hållbart medarbetarengagemang (HME)", "index", true, 0, 70, 85, 0, 100, F::weightedAverage,
     "antal-anstallda", true, "N00204"},
    {"Personalomsättning", "procent", false, 1, 80, 180, 0, pct, F::average, "", false, ""},
    {"Andel heltidsanställda", "procent", true, 1, 700, 950, 0, pct, F::average, "", true,
     "N00206"},
}};
constexpr std::array<Words, 6> staffActivities{
    "Genomföra medarbetarundersökningen",
    "Ta fram en kompetensförsörjningsplan",
    "Införa hälsofrämjande aktiviteter på arbetstid",
    "Utveckla introduktionen för nyanställda",
    "Genomföra ledarskapsutbildning för chefer",
    "Följa upp sjukfrånvaron med tidiga insatser",
};

constexpr std::array<Words, 5> economyPhrases{
    "Kommunen har en ekonomi i balans",        "Verksamheterna bedrivs kostnadseffektivt",
    "Investeringarna finansieras långsiktigt", "Lokalerna används effektivt",
    "Resurserna fördelas efter behov",
};
constexpr std::array<IndicatorTemplate, 4> economyIndicators{{
    {"Budgetavvikelse", "procent av nettokostnaden", true, 1, -30, 20, -500, 500, F::sum, "", false,
     ""},
    {"Resultat i procent av skatter och bidrag", "procent", true, 1, 0, 40, -200, 200, F::own, "",
     false, "N03101"},
    {"Kostnad per elev", "kr", false, 0, 90000, 130000, 10000, 400000, F::weightedAverage,
     "antal-elever", false, "N15008"},
    {"Lokalkostnad per kvadratmeter", "kr", false, 0, 900, 1800, 100, 10000, F::weightedAverage,
     "area", false, ""},
}};
constexpr std::array<Words, 5> economyActivities{
    "Införa månatlig budgetuppföljning med prognos",
    "Se över lokalbehovet för de kommande fem åren",
    "Genomföra en kostnadsanalys av verksamheten",
    "Samordna inköp av förbrukningsmaterial",
    "Utveckla kvalitetsledningssystemet",
};

template <class T, std::size_t N> constexpr std::span<const T> all(const std::array<T, N>& a) {
    return {a.data(), a.size()};
}

constexpr std::array<Theme, 10> themeList{{
    {"klimat", 0, true, all(climatePhrases), all(climateIndicators), all(climateActivities)},
    {"avfall", 0, true, all(wastePhrases), all(wasteIndicators), all(wasteActivities)},
    {"natur", 0, true, all(naturePhrases), all(natureIndicators), all(natureActivities)},
    {"samhalle", 0, false, all(societyPhrases), all(societyIndicators), all(societyActivities)},
    {"utbildning", 1, false, all(educationPhrases), all(educationIndicators),
     all(educationActivities)},
    {"omsorg", 1, false, all(carePhrases), all(careIndicators), all(careActivities)},
    {"kultur", 1, false, all(culturePhrases), all(cultureIndicators), all(cultureActivities)},
    {"service", 1, false, all(servicePhrases), all(serviceIndicators), all(serviceActivities)},
    {"medarbetare", 2, false, all(staffPhrases), all(staffIndicators), all(staffActivities)},
    {"ekonomi", 3, false, all(economyPhrases), all(economyIndicators), all(economyActivities)},
}};

constexpr std::array<int, 10> themeOrder{0, 4, 1, 5, 8, 2, 9, 3, 6, 7};

constexpr std::array<Words, 7> ksUnits{
    "Kontaktcenter {}", "Fastighetsdrift {}", "Lokalvård {}",  "Måltidsservice {}",
    "IT-service {}",    "Ekonomiservice {}",  "HR-service {}",
};
constexpr std::array<Words, 5> bunUnits{"Förskolan {}", "{}skolan", "Fritidshemmet {}",
                                        "Grundsärskolan {}", "Förskolan {}backen"};
constexpr std::array<Words, 5> snUnits{"Hemtjänst {}", "Gruppbostad {}", "Boendestöd {}",
                                       "Individ- och familjeomsorg {}", "Dagverksamhet {}"};
constexpr std::array<Words, 4> elderUnits{"Äldreboendet {}", "Hemtjänst {}", "Träffpunkt {}",
                                          "Korttidsboendet {}"};
constexpr std::array<Words, 5> cultureUnits{"Biblioteket {}", "Fritidsgården {}", "Simhallen {}",
                                            "Idrottsplatsen {}", "Kulturhuset {}"};
constexpr std::array<Words, 5> technicalUnits{"Driftområde {}", "Återvinningscentralen {}",
                                              "Gata och park {}", "VA-drift {}",
                                              "Fordonsverkstaden {}"};
constexpr std::array<Words, 3> environmentUnits{"Miljötillsyn {}", "Livsmedelskontroll {}",
                                                "Hälsoskydd {}"};
constexpr std::array<Words, 4> planningUnits{"Bygglov {}", "Planenheten {}",
                                             "Mark och exploatering {}", "Trafikenheten {}"};
constexpr std::array<Words, 3> upperSecondaryUnits{"{}gymnasiet", "Vuxenutbildningen {}", "SFI {}"};
constexpr std::array<Words, 3> labourUnits{"Jobbcenter {}", "Daglig verksamhet {}",
                                           "Ungdomsmottagning {}"};
constexpr std::array<Words, 3> propertyUnits{"Fastighetsförvaltning {}", "Lokalförsörjning {}",
                                             "Fastighetsteknik {}"};
constexpr std::array<Words, 3> serviceUnits{"Servicecenter {}", "Kostenheten {}", "Städenheten {}"};

constexpr std::array<Domain, 21> domainList{{
    {"Kommunstyrelsen", "ks", "KS", "Kommunledningsförvaltningen", all(ksUnits), "Enhetschef", ""},
    {"Barn- och utbildningsnämnden", "bun", "BUN", "Barn- och utbildningsförvaltningen",
     all(bunUnits), "Rektor", "V15E"},
    {"Socialnämnden", "sn", "SN", "Socialförvaltningen", all(snUnits), "Verksamhetschef", "V21E"},
    {"Tekniska nämnden", "tn", "TN", "Tekniska förvaltningen", all(technicalUnits), "Driftchef",
     ""},
    {"Kultur- och fritidsnämnden", "kfn", "KFN", "Kultur- och fritidsförvaltningen",
     all(cultureUnits), "Enhetschef", ""},
    {"Äldrenämnden", "aldren", "ÄN", "Äldreförvaltningen", all(elderUnits), "Enhetschef", "V21E"},
    {"Miljö- och hälsoskyddsnämnden", "mhn", "MHN", "Miljöförvaltningen", all(environmentUnits),
     "Enhetschef", ""},
    {"Samhällsbyggnadsnämnden", "sbn", "SBN", "Samhällsbyggnadsförvaltningen", all(planningUnits),
     "Enhetschef", ""},
    {"Gymnasie- och vuxenutbildningsnämnden", "gvn", "GVN", "Gymnasieförvaltningen",
     all(upperSecondaryUnits), "Rektor", "V17E"},
    {"Arbetsmarknadsnämnden", "amn", "AMN", "Arbetsmarknadsförvaltningen", all(labourUnits),
     "Enhetschef", ""},
    {"Fastighetsnämnden", "fan", "FAN", "Fastighetsförvaltningen", all(propertyUnits),
     "Fastighetschef", ""},
    {"Förskolenämnden", "fsn", "FSN", "Förskoleförvaltningen", all(bunUnits), "Förskolechef",
     "V11E"},
    {"Omsorgsnämnden", "omn", "OMN", "Omsorgsförvaltningen", all(snUnits), "Verksamhetschef",
     "V28E"},
    {"Servicenämnden", "sen", "SEN", "Serviceförvaltningen", all(serviceUnits), "Enhetschef", ""},
    {"Idrottsnämnden", "idn", "IDN", "Idrottsförvaltningen", all(cultureUnits), "Enhetschef", ""},
    {"Trafiknämnden", "trn", "TRN", "Trafikförvaltningen", all(planningUnits), "Enhetschef", ""},
    {"Vatten- och avfallsnämnden", "van", "VAN", "Vatten- och avfallsförvaltningen",
     all(technicalUnits), "Driftchef", ""},
    {"Grundskolenämnden", "gsn", "GSN", "Grundskoleförvaltningen", all(bunUnits), "Rektor", "V15F"},
    {"Vård- och omsorgsnämnden", "von", "VON", "Vård- och omsorgsförvaltningen", all(elderUnits),
     "Enhetschef", "V21F"},
    {"Byggnadsnämnden", "byn", "BYN", "Byggnadsförvaltningen", all(planningUnits), "Enhetschef",
     ""},
    {"Utbildningsnämnden", "un", "UN", "Utbildningsförvaltningen", all(upperSecondaryUnits),
     "Rektor", "V17F"},
}};

constexpr std::array<Words, 48> placeList{
    "Vilunda",          "Runby",       "Bollstanäs", "Fresta",
    "Grimstaby",        "Smedby",      "Ekebo",      "Sandakällan",
    "Prästgårdsmarken", "Odenslunda",  "Älvsunda",   "Hammarby",
    "Brunnby",          "Håtuna",      "Ängby",      "Skälby",
    "Carlslund",        "Norrviken",   "Ösby",       "Åkerby",
    "Björkbacka",       "Ekbacken",    "Lindhagen",  "Tallbacken",
    "Sjöängen",         "Stensätra",   "Vallby",     "Mörtsjö",
    "Lövsta",           "Solberga",    "Hagalund",   "Kvarnbacken",
    "Bergsäter",        "Granängen",   "Örnäs",      "Åsbo",
    "Väderkvarnen",     "Nybygget",    "Källbrink",  "Rosendal",
    "Furuhäll",         "Södergården", "Norrgården", "Dalhem",
    "Gärdet",           "Myrbacken",   "Tuna",       "Önsta",
};

constexpr std::array<Words, 4> subunitKindList{"Avdelning", "Arbetslag", "Team", "Grupp"};
constexpr std::array<Words, 24> subunitNameList{
    "Blåsippan",  "Vitsippan",   "Humlan",     "Ekorren", "Solrosen",   "Myran",
    "Lärkan",     "Älgen",       "Tallen",     "Björken", "Rönnen",     "Ängen",
    "Lönnen",     "Näktergalen", "Igelkotten", "Räven",   "Hjortronet", "Lingonet",
    "Smultronet", "Gökärten",    "Kastanjen",  "Örnen",   "Måsen",      "Svanen",
};

constexpr std::array<Words, 12> companyNameList{
    "Ekbacka Stadshus AB",  "AB Ekbackahem",
    "Ekbacka Energi AB",    "Ekbacka Vatten AB",
    "Ekbacka Parkering AB", "Ekbacka Fastighets AB",
    "Ekbacka Hamn AB",      "Ekbacka Näringsliv AB",
    "Ekbacka Fibernät AB",  "Ekbacka Kommunfastigheter AB",
    "Ekbacka Avfall AB",    "Ekbacka Turism AB",
};

constexpr std::array<Words, 32> firstNameList{
    "Anna",  "Åsa",    "Märta",   "Björn", "Örjan",  "Göran",    "Lena",   "Karin",
    "Johan", "Erik",   "Sofia",   "Maria", "Ingrid", "Håkan",    "Jöns",   "Per",
    "Lars",  "Eva",    "Kerstin", "Mats",  "Linnéa", "Ali",      "Fatima", "Mikael",
    "Elin",  "Stefan", "Annika",  "Sören", "Ylva",   "Torbjörn", "Agnes",  "Nils",
};
constexpr std::array<Words, 24> lastNameList{
    "Andersson", "Öberg",     "Ängström",  "Lindqvist", "Söderberg", "Björk",
    "Åberg",     "Nilsson",   "Karlsson",  "Ekström",   "Sjöberg",   "Håkansson",
    "Lundgren",  "Holmström", "Bäckström", "Löfgren",   "Forsberg",  "Dahlström",
    "Strömberg", "Wikström",  "Yilmaz",    "Hassan",    "Berglund",  "Ek",
};

constexpr std::array<Words, 24> compoundList{
    "miljöledningssystemsamordnare",
    "förskoleverksamhetsutveckling",
    "energieffektiviseringsåtgärder",
    "arbetsmiljöförbättringsarbete",
    "kvalitetsledningssystem",
    "avfallshanteringsplan",
    "klimatanpassningsstrategi",
    "fastighetsförvaltningsorganisation",
    "kompetensförsörjningsplan",
    "digitaliseringsstrategi",
    "medarbetarundersökning",
    "folkhälsoperspektiv",
    "likvärdighetsgaranti",
    "barnkonventionsperspektiv",
    "livsmedelsupphandling",
    "fjärrvärmeförbrukning",
    "dagvattenhantering",
    "trafiksäkerhetsarbete",
    "äldreomsorgsverksamhet",
    "socialtjänstlagstiftning",
    "brandskyddskontrollverksamhet",
    "informationssäkerhetsarbete",
    "verksamhetsuppföljningssystem",
    "hållbarhetsredovisning",
};

constexpr std::array<Words, 10> qualifierList{
    "med fokus på {}",       "genom ett utvecklat {}",    "i samverkan med andra förvaltningar",
    "i alla kommundelar",    "med barnets bästa i fokus", "genom tydligare {}",
    "i vår egen verksamhet", "för alla åldrar",           "med stöd av {}",
    "till och med 2027",
};

constexpr std::array<Words, 16> causeList{
    "ökade energipriser",
    "hög personalomsättning under våren",
    "fler barn i förskoleåldern än beräknat",
    "förseningar i upphandlingen",
    "en ovanligt kall vinter",
    "nya rutiner för dokumentation",
    "ett förbättrat samarbete med vårdnadshavare",
    "vakanta tjänster som nu är tillsatta",
    "ombyggnation av lokalerna",
    "en ny organisation från årsskiftet",
    "ett utvecklat arbete med {}",
    "ett större behov av stöd än tidigare år",
    "att arbetet med {} har kommit igång",
    "lägre intäkter än budgeterat",
    "omprioriteringar efter delårsbokslutet",
    "satsningen på {}",
};

constexpr std::array<Words, 8> developmentList{
    "har utvecklats i önskad riktning",
    "har förbättrats jämfört med föregående år",
    "ligger på samma nivå som föregående år",
    "har försämrats något",
    "har utvecklats sämre än förväntat",
    "visar en positiv trend över tioårsperioden",
    "varierar mellan enheterna",
    "når nästan målvärdet",
};

constexpr std::array<Words, 14> riskList{
    "Svårigheter att rekrytera behörig personal.",
    "Höga energipriser tränger undan planerade investeringar.",
    "Ökade kostnader för köpta platser.",
    "Försenade leveranser av it-system.",
    "Fler barn och elever än planerat.",
    "Hög sjukfrånvaro påverkar kontinuiteten.",
    "Otillräckliga lokaler under ombyggnationen.",
    "Ändrad lagstiftning kräver nya rutiner.",
    "Brister i informationssäkerhetsarbetet.",
    "Skyfall orsakar översvämning i lokalerna.",
    "Leverantören uppfyller inte avtalets miljökrav.",
    "Minskade statsbidrag.",
    "Långa handläggningstider vid tillsyn.",
    "Bristande följsamhet till rutiner för avfallssortering.",
};
// mitigationList[i] answers riskList[i].
constexpr std::array<Words, 14> mitigationList{
    "Samarbete med högskolor och en tydlig kompetensförsörjningsplan.",
    "Energieffektiviseringsåtgärder prioriteras i investeringsplanen.",
    "Månatlig uppföljning av kostnader och prognos.",
    "Reservrutiner och tät dialog med leverantören.",
    "Lokalplanen revideras två gånger per år.",
    "Tidiga insatser och hälsofrämjande arbete.",
    "Tillfälliga paviljonger under byggtiden.",
    "Utbildning och uppdaterade rutiner.",
    "Riskanalys och åtgärdsplan enligt informationssäkerhetspolicyn.",
    "Klimatanpassningsstrategin följs och skyddsåtgärder genomförs.",
    "Avtalsuppföljning med stickprov två gånger per år.",
    "Verksamheten anpassas efter de nya ramarna.",
    "Tillsynen prioriteras efter risk och bemanningen ses över.",
    "Tydligare skyltning och återkoppling till arbetslagen.",
};

static_assert(riskList.size() == mitigationList.size());

constexpr std::array<Words, 8> outcomeCommentList{
    "Ny mätmetod från och med i år.",
    "Kall vinter.",
    "Preliminärt värde.",
    "Avser läsåret.",
    "Lågt antal svarande.",
    "Ombyggnad under delar av året.",
    "Värdet är korrigerat i efterhand.",
    "Källa: egen mätning.",
};
constexpr std::array<Words, 8> activityCommentList{
    "Arbetet följer tidplanen.",
    "Försenat på grund av vakanser.",
    "Genomfört under hösten.",
    "Påbörjat i samverkan med förvaltningen.",
    "Flyttat till nästa år efter beslut i ledningsgruppen.",
    "Genomfört i alla arbetslag.",
    "Väntar på leverans.",
    "Delvis genomfört – resterande del under nästa år.",
};
constexpr std::array<Words, 10> ownerRoleList{
    "Enhetschefen",
    "Rektor",
    "Verksamhetschefen",
    "Förvaltningschefen",
    "Miljöstrategen",
    "HR-strategen",
    "Controllern",
    "Kvalitetsutvecklaren",
    "Miljöledningssystemsamordnaren",
    "Förskolechefen",
};

} // namespace

std::string_view formulaName(Formula formula) {
    switch (formula) {
    case Formula::sum:
        return "sum";
    case Formula::average:
        return "average";
    case Formula::weightedAverage:
        return "weighted-average";
    case Formula::max:
        return "max";
    case Formula::min:
        return "min";
    case Formula::own:
        return "own";
    }
    return "own";
}

std::span<const Perspective> perspectives() {
    return perspectiveList;
}
std::span<const Theme> themes() {
    return themeList;
}
std::span<const int> councilThemeOrder() {
    return themeOrder;
}
std::span<const Domain> domains() {
    return domainList;
}
std::span<const std::string_view> places() {
    return placeList;
}
std::span<const std::string_view> subunitKinds() {
    return subunitKindList;
}
std::span<const std::string_view> subunitNames() {
    return subunitNameList;
}
std::span<const std::string_view> companyNames() {
    return companyNameList;
}
std::span<const std::string_view> firstNames() {
    return firstNameList;
}
std::span<const std::string_view> lastNames() {
    return lastNameList;
}
std::span<const std::string_view> compounds() {
    return compoundList;
}
std::span<const std::string_view> goalQualifiers() {
    return qualifierList;
}
std::span<const std::string_view> causes() {
    return causeList;
}
std::span<const std::string_view> developments() {
    return developmentList;
}
std::span<const std::string_view> risks() {
    return riskList;
}
std::span<const std::string_view> mitigations() {
    return mitigationList;
}
std::span<const std::string_view> outcomeComments() {
    return outcomeCommentList;
}
std::span<const std::string_view> activityComments() {
    return activityCommentList;
}
std::span<const std::string_view> ownerRoles() {
    return ownerRoleList;
}

} // namespace rodtrad::bench
