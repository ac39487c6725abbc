"""A small country table: names, demonyms and capitals -> ISO 3166-1 alpha-3.

A fallback for actor countries when no entity linker (``doc._.mentions``) gives one. Lookups
are by lower-cased word or word sequence ("south korea", "u.s.").
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Mapping
from types import MappingProxyType

__all__ = ["country_of_words", "country_table"]

logger = logging.getLogger(__name__)

# ISO3: names, adjectives/demonyms and capitals, separated by "|".
TABLE = """
AFG:afghanistan|afghan|afghans|kabul
ALB:albania|albanian|albanians|tirana
DZA:algeria|algerian|algerians|algiers
AGO:angola|angolan|angolans|luanda
ARG:argentina|argentine|argentinian|buenos aires
ARM:armenia|armenian|armenians|yerevan
AUS:australia|australian|australians|canberra|sydney
AUT:austria|austrian|austrians|vienna
AZE:azerbaijan|azerbaijani|azerbaijanis|azeri|baku
BHR:bahrain|bahraini|manama
BGD:bangladesh|bangladeshi|dhaka
BLR:belarus|belarusian|minsk
BEL:belgium|belgian|belgians|brussels
BEN:benin|beninese|porto-novo
BOL:bolivia|bolivian|la paz
BIH:bosnia|bosnian|bosnians|bosnia-herzegovina|bosnia-herzogovina|sarajevo
BWA:botswana|gaborone
BRA:brazil|brazilian|brazilians|brasilia
BGR:bulgaria|bulgarian|bulgarians|sofia
BFA:burkina faso|burkinabe|ouagadougou
BDI:burundi|burundian|bujumbura
KHM:cambodia|cambodian|phnom penh
CMR:cameroon|cameroonian|yaounde
CAN:canada|canadian|canadians|ottawa
CAF:central african republic|bangui
TCD:chad|chadian|n'djamena
CHL:chile|chilean|santiago
CHN:china|chinese|beijing|prc|peking
COL:colombia|colombian|bogota
COD:congo|congolese|kinshasa|drc
CRI:costa rica|costa rican
CIV:ivory coast|cote d'ivoire|ivorian|abidjan
HRV:croatia|croatian|croatians|croat|croats|zagreb
CUB:cuba|cuban|cubans|havana
CYP:cyprus|cypriot|nicosia
CZE:czechia|czech republic|czech|czechs|czechoslovakia|czechoslovak|prague
DNK:denmark|danish|danes|copenhagen
EGY:egypt|egyptian|egyptians|cairo
SLV:el salvador|salvadoran
ERI:eritrea|eritrean|asmara
EST:estonia|estonian|tallinn
ETH:ethiopia|ethiopian|ethiopians|addis ababa
FIN:finland|finnish|finns|helsinki
FRA:france|french|paris
GAB:gabon|gabonese|libreville
GMB:gambia|gambian|banjul
GEO:georgia|georgian|georgians|tbilisi
DEU:germany|german|germans|berlin|bonn
GHA:ghana|ghanaian|ghanaians|accra
GRC:greece|greek|greeks|athens
GTM:guatemala|guatemalan
GIN:guinea|guinean|guineans|conakry
HTI:haiti|haitian|haitians|port-au-prince
HND:honduras|honduran
HUN:hungary|hungarian|hungarians|budapest
ISL:iceland|icelandic|reykjavik
IND:india|indian|indians|new delhi|delhi
IDN:indonesia|indonesian|indonesians|jakarta
IRN:iran|iranian|iranians|tehran|teheran
IRQ:iraq|iraqi|iraqis|baghdad
IRL:ireland|irish|dublin
ISR:israel|israeli|israelis|jerusalem|tel aviv
ITA:italy|italian|italians|rome
JAM:jamaica|jamaican|kingston
JPN:japan|japanese|tokyo
JOR:jordan|jordanian|jordanians|amman
KAZ:kazakhstan|kazakh|astana|almaty
KEN:kenya|kenyan|kenyans|nairobi
PRK:north korea|north korean|north koreans|pyongyang|dprk
KOR:south korea|south korean|south koreans|seoul
KWT:kuwait|kuwaiti|kuwaitis
KGZ:kyrgyzstan|kyrgyz|bishkek
LAO:laos|lao|laotian|vientiane
LVA:latvia|latvian|riga
LBN:lebanon|lebanese|beirut
LBR:liberia|liberian|liberians|monrovia
LBY:libya|libyan|libyans|tripoli
LTU:lithuania|lithuanian|lithuanians|vilnius
MKD:macedonia|north macedonia|macedonian|skopje
MDG:madagascar|malagasy|antananarivo
MWI:malawi|malawian|lilongwe
MYS:malaysia|malaysian|kuala lumpur
MLI:mali|malian|bamako
MRT:mauritania|mauritanian|nouakchott
MEX:mexico|mexican|mexicans
MDA:moldova|moldovan|chisinau|transnistria
MNG:mongolia|mongolian|ulaanbaatar
MNE:montenegro|montenegrin|podgorica
MAR:morocco|moroccan|rabat
MOZ:mozambique|mozambican|maputo
MMR:burma|myanmar|burmese|rangoon|yangon
NAM:namibia|namibian|windhoek
NPL:nepal|nepalese|nepali|kathmandu|khatmandu
NLD:netherlands|dutch|holland|amsterdam|the hague
NZL:new zealand|wellington
NIC:nicaragua|nicaraguan|managua
NER:niger|nigerien|niamey
NGA:nigeria|nigerian|nigerians|abuja|lagos
NOR:norway|norwegian|oslo
OMN:oman|omani|muscat
PAK:pakistan|pakistani|pakistanis|islamabad
PSE:palestine|palestinian|palestinians|gaza|west bank|ramallah|hamas|plo
PAN:panama|panamanian
PRY:paraguay|paraguayan
PER:peru|peruvian|lima
PHL:philippines|philippine|filipino|filipinos|manila
POL:poland|polish|poles|warsaw
PRT:portugal|portuguese|lisbon
QAT:qatar|qatari|doha
ROU:romania|romanian|romanians|bucharest
RUS:russia|russian|russians|moscow|kremlin|russian federation|soviet|soviets
RWA:rwanda|rwandan|rwandans|kigali
SAU:saudi arabia|saudi|saudis|riyadh
SEN:senegal|senegalese|dakar
SRB:serbia|serbian|serbians|serb|serbs|belgrade|yugoslavia|yugoslav
SLE:sierra leone|sierra leonean|freetown
SGP:singapore|singaporean
SVK:slovakia|slovak|bratislava
SVN:slovenia|slovenian|ljubljana
SOM:somalia|somali|somalis|mogadishu
ZAF:south africa|south african|pretoria|johannesburg
SSD:south sudan|juba
ESP:spain|spanish|madrid|barcelona
LKA:sri lanka|sri lankan|colombo|tamil
SDN:sudan|sudanese|khartoum
SWE:sweden|swedish|swedes|stockholm
CHE:switzerland|swiss|bern|geneva
SYR:syria|syrian|syrians|damascus
TWN:taiwan|taiwanese|taipei
TJK:tajikistan|tajik|dushanbe
TZA:tanzania|tanzanian|dar es salaam
THA:thailand|thai|bangkok
TGO:togo|togolese|lome
TUN:tunisia|tunisian|tunis
TUR:turkey|turkish|turks|ankara|istanbul
TKM:turkmenistan|turkmen|ashgabat
UGA:uganda|ugandan|ugandans|kampala
UKR:ukraine|ukrainian|ukrainians|kyiv|kiev
ARE:united arab emirates|emirates|emirati|uae|abu dhabi|dubai
GBR:united kingdom|britain|great britain|british|uk|london|england|english|scotland|wales
USA:united states|united states of america|america|american|americans|us|u.s.|usa|washington|white house|pentagon|us-led
URY:uruguay|uruguayan|montevideo
UZB:uzbekistan|uzbek|tashkent
VEN:venezuela|venezuelan|caracas
VNM:vietnam|viet nam|vietnamese|hanoi
YEM:yemen|yemeni|yemenis|sanaa
ZMB:zambia|zambian|zambians|lusaka
ZWE:zimbabwe|zimbabwean|harare
"""
MAX_WORDS = 4  # longest name in the table, in words


@functools.cache
def country_table() -> Mapping[str, str]:
    """Lower-cased name, demonym or capital -> ISO3, parsed once from ``TABLE``."""
    table: dict[str, str] = {}
    for line in TABLE.strip().splitlines():
        code, names = line.split(":", 1)
        for name in names.split("|"):
            table.setdefault(name.strip(), code)
    return MappingProxyType(table)


def country_of_words(words: Iterable[str]) -> str | None:
    """The ISO3 of the first (longest) country name found in a word sequence.

    Args:
        words: the words of a span, in order ("Russian", "President", "Vladimir", "Putin").

    Returns:
        The ISO3 code, or ``None``.

    Example:
        >>> country_of_words(["Senior", "Hungarian", "officials"])
        'HUN'
    """
    table = country_table()
    lowered = [w.lower().strip() for w in words]
    for i in range(len(lowered)):
        for size in range(min(MAX_WORDS, len(lowered) - i), 0, -1):
            key = " ".join(lowered[i : i + size])
            if key in table:
                return table[key]
    return None
