"""A held-out check of PLOVER event typing on news-style sentences (needs the English model).

These sentences were written for this test from the PLOVER manual's definitions (chapter 3)
and the way wire services report each kind of event; none comes from events-dev or the
reserved gold half, so they measure how the trigger lexicon generalises. Expected types follow
PLOVER's recoding rules: cooperation reported as future is AGREE, an announced future retreat
CONCEDE, future or conditional material conflict THREATEN (sections 3.1, 3.4, 3.7).

Run ``pytest tests/nlp/events/test_event_news.py -m model -s`` to print the misses.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from reportedly.nlp.events import RawEvent

pytestmark = pytest.mark.model

# Measured 158/159 (0.994). Sets one and two were written before the lexicon audit (0.856
# then), so the audit saw their misses; set three was written after it and scored 33/34 on its
# first run, the honest estimate. The floor sits below both, to allow for parser drift.
TYPE_FLOOR = 0.92
ACTOR_FLOOR = 0.9  # measured 0.994 over the cases that name an actor (recipients: 0.703)
RECIPIENT_FLOOR = 0.65  # recipients are often implicit in a one-clause sentence
MODALITY_FLOOR = 0.8  # measured 1.0 over the cases that state a modality


class Case(NamedTuple):
    text: str
    type: str
    actor: str | None = None
    recipient: str | None = None
    modality: str | None = None


CASES: tuple[Case, ...] = (
    # AGREE: offers, promises, commitments; future cooperation (3.1)
    Case("Iran agreed to resume talks with the European Union next month.", "AGREE", "Iran"),
    Case("The prime minister promised to sign the trade accord by June.", "AGREE", "minister"),
    Case("Japan pledged to help rebuild the flooded region.", "AGREE", "Japan"),
    Case("Moscow offered to host peace talks between the two countries.", "AGREE", "Moscow"),
    Case("The two leaders will meet in Geneva next week.", "AGREE", "leaders"),
    # CONSULT: meetings, visits, calls, negotiations
    Case(
        "The French president met his German counterpart in Berlin on Monday.",
        "CONSULT",
        "French president",
    ),
    Case("Foreign Minister Wang Yi held talks with Sergei Lavrov in Beijing.", "CONSULT", "Wang"),
    Case("Biden spoke by telephone with the Israeli prime minister.", "CONSULT", "Biden"),
    Case(
        "The Pakistani delegation arrived in Kabul for negotiations on border security.",
        "CONSULT",
        "delegation",
    ),
    # SUPPORT: praise, endorsement, recognition, signing, restoring relations
    Case(
        "The United States praised Kenya for its role in the peace process.",
        "SUPPORT",
        "United States",
        "Kenya",
    ),
    Case(
        "Germany voiced support for the Ukrainian government's reform plan.", "SUPPORT", "Germany"
    ),
    Case("Both countries signed a treaty on maritime borders.", "SUPPORT", "countries"),
    Case("Brazil formally recognized the new government in Caracas.", "SUPPORT", "Brazil"),
    Case("The two nations restored diplomatic relations after a decade.", "SUPPORT", "nations"),
    # CONCEDE: easing restrictions, pardons, apologies, announced retreats (3.4)
    Case("The military junta lifted the nationwide curfew on Friday.", "CONCEDE", "junta"),
    Case("The president pardoned 200 political prisoners.", "CONCEDE", "president"),
    Case(
        "The Japanese government apologised to South Korea for wartime abuses.",
        "CONCEDE",
        "Japanese government",
        "South Korea",
    ),
    Case("Authorities eased restrictions on foreign journalists.", "CONCEDE", "Authorities"),
    Case(
        "The government announced it would withdraw its troops from the border.",
        "CONCEDE",
        "government",
    ),
    # COOPERATE: extraditions, joint exercises, intelligence sharing, material exchange
    Case("Spain extradited the suspect to France.", "COOPERATE", "Spain", "France"),
    Case(
        "Indian and American troops began joint military exercises in Rajasthan.",
        "COOPERATE",
        "troops",
    ),
    Case(
        "The two intelligence agencies shared information on the bombing suspects.",
        "COOPERATE",
        "agencies",
    ),
    Case("Turkey and Azerbaijan expanded trade and energy cooperation.", "COOPERATE", "Turkey"),
    # AID: money, arms, relief, asylum, rescues
    Case("The World Bank approved a $500 million loan to Ghana.", "AID", "World Bank", "Ghana"),
    Case("Britain sent humanitarian aid to earthquake victims in Turkey.", "AID", "Britain"),
    Case("Washington supplied Kyiv with anti-tank missiles.", "AID", "Washington", "Kyiv"),
    Case("Sweden granted asylum to the dissident journalist.", "AID", "Sweden", "journalist"),
    Case("Navy divers rescued twelve hostages from the hijacked ship.", "AID", "divers"),
    # RETREAT: releases, withdrawals, resignations, disarmament, access
    Case("Rebels released 15 hostages on Sunday.", "RETREAT", "Rebels"),
    Case("Russian troops withdrew from the city of Kherson.", "RETREAT", "Russian troops"),
    Case("The interior minister resigned amid the scandal.", "RETREAT", "minister"),
    Case("The militia laid down its weapons in the northern province.", "RETREAT", "militia"),
    Case("The army allowed UN inspectors into the site.", "RETREAT", "army"),
    # REQUEST: calls, urges, demands, appeals
    Case(
        "The UN Secretary-General called on both sides to observe the ceasefire.",
        "REQUEST",
        "Secretary-General",
    ),
    Case(
        "Opposition leaders demanded the resignation of the interior minister.",
        "REQUEST",
        "leaders",
    ),
    Case(
        "Amnesty International urged Egypt to free detained activists.",
        "REQUEST",
        "Amnesty",
        "Egypt",
    ),
    Case(
        "Kenya asked the African Union for help in securing the border.",
        "REQUEST",
        "Kenya",
        "African Union",
    ),
    # ACCUSE: condemn, charge, accuse, investigate, diplomatic protests
    Case("China condemned the arms sale to Taiwan.", "ACCUSE", "China"),
    Case(
        "Prosecutors charged the former minister with corruption.",
        "ACCUSE",
        "Prosecutors",
        "minister",
    ),
    Case(
        "Human rights groups accused the army of torturing detainees.", "ACCUSE", "groups", "army"
    ),
    Case(
        "The European Commission opened an investigation into the merger.", "ACCUSE", "Commission"
    ),
    Case("Seoul lodged a formal protest with Tokyo over the textbook.", "ACCUSE", "Seoul"),
    Case("China did not condemn the invasion.", "ACCUSE", "China", modality="negated"),
    # REJECT: rejections, refusals, vetoes, barring entry (3.10)
    Case("Israel rejected the ceasefire proposal.", "REJECT", "Israel"),
    Case("The opposition refused to join the unity government.", "REJECT", "opposition"),
    Case("Russia vetoed the Security Council resolution.", "REJECT", "Russia"),
    Case("The government denied entry to a UN fact-finding team.", "REJECT", "government"),
    Case("The union turned down the government's wage offer.", "REJECT", "union"),
    # THREATEN: threats, warnings, ultimatums, future or conditional material conflict
    Case(
        "North Korea threatened to launch a nuclear strike on the United States.",
        "THREATEN",
        "North Korea",
    ),
    Case("The president warned that the army would crush any uprising.", "THREATEN", "president"),
    Case("Washington issued an ultimatum to the junta.", "THREATEN", "Washington", "junta"),
    Case(
        "Egypt could expel the ambassador if the attacks continue.",
        "THREATEN",
        "Egypt",
        modality="hypothetical",
    ),
    Case("The militants vowed to attack the capital.", "THREATEN", "militants"),
    # PROTEST: demonstrations, marches, strikes, sit-ins, blockades by protesters
    Case("Thousands of farmers marched through Paris against fuel taxes.", "PROTEST", "farmers"),
    Case("Dock workers went on strike over unpaid wages.", "PROTEST", "workers"),
    Case("Demonstrators blocked the main road into the capital.", "PROTEST", "Demonstrators"),
    Case("Students held a sit-in outside the ministry.", "PROTEST", "Students"),
    Case("Prisoners began a hunger strike to protest their conditions.", "PROTEST", "Prisoners"),
    # SANCTION: sanctions, expulsions of diplomats, recalls, frozen assets, cut ties, tariffs
    Case(
        "The European Union imposed new sanctions on Belarus.",
        "SANCTION",
        "European Union",
        "Belarus",
    ),
    Case("Lithuania expelled two Russian diplomats.", "SANCTION", "Lithuania", "diplomats"),
    Case("Saudi Arabia recalled its ambassador from Ottawa.", "SANCTION", "Saudi Arabia"),
    Case("Washington froze the assets of three Iranian banks.", "SANCTION", "Washington"),
    Case("Morocco cut diplomatic ties with Iran.", "SANCTION", "Morocco", "Iran"),
    Case("The United States raised tariffs on Chinese steel.", "SANCTION", "United States"),
    # MOBILIZE: deployments, massing, alerts, call-ups, reinforcements
    Case(
        "Russia massed tens of thousands of troops near the Ukrainian border.", "MOBILIZE", "Russia"
    ),
    Case(
        "The Pentagon deployed two aircraft carriers to the eastern Mediterranean.",
        "MOBILIZE",
        "Pentagon",
    ),
    Case("Azerbaijan put its armed forces on high alert.", "MOBILIZE", "Azerbaijan"),
    Case("The government called up 300,000 reservists.", "MOBILIZE", "government"),
    # COERCE: arrests, curfews, censorship, raids, deportations, bans
    Case(
        "Police arrested dozens of opposition activists in Minsk.", "COERCE", "Police", "activists"
    ),
    Case("Authorities imposed a curfew in the northern city.", "COERCE", "Authorities"),
    Case("The government blocked access to social media sites.", "COERCE", "government"),
    Case(
        "Security forces raided the offices of an independent newspaper.",
        "COERCE",
        "Security forces",
    ),
    Case("Thailand deported 40 Uyghur refugees to China.", "COERCE", "Thailand", "refugees"),
    Case("The junta banned all political parties.", "COERCE", "junta", "parties"),
    Case(
        "Police have not arrested anyone over the killing.", "COERCE", "Police", modality="negated"
    ),
    # ASSAULT: shelling, bombing, airstrikes, ambushes, drone strikes, killings
    Case(
        "Government forces shelled rebel positions near Aleppo.",
        "ASSAULT",
        "Government forces",
        "positions",
    ),
    Case("A suicide bomber killed 12 people at a market in Kabul.", "ASSAULT", "bomber", "people"),
    Case("Israeli jets carried out airstrikes on targets in southern Lebanon.", "ASSAULT", "jets"),
    Case(
        "Gunmen ambushed a police convoy in the north, wounding five officers.",
        "ASSAULT",
        "Gunmen",
        "convoy",
    ),
    Case("A drone strike hit a vehicle carrying militants.", "ASSAULT"),
    # --- a second, harder set: less common verbs and idioms, written before the lexicon audit
    Case("The two countries reached an agreement on fishing rights.", "AGREE", "countries"),
    Case("Hamas accepted an Egyptian proposal for a truce.", "AGREE", "Hamas"),
    Case(
        "The Saudi crown prince hosted the Iraqi prime minister in Riyadh.",
        "CONSULT",
        "crown prince",
    ),
    Case("Envoys from the two Koreas sat down for talks at Panmunjom.", "CONSULT", "Envoys"),
    Case("France endorsed Morocco's autonomy plan for Western Sahara.", "SUPPORT", "France"),
    Case("The African Union welcomed the peace deal.", "SUPPORT", "African Union"),
    Case("Canada expressed solidarity with the people of Ukraine.", "SUPPORT", "Canada"),
    Case("The government dropped charges against the opposition leader.", "CONCEDE", "government"),
    Case("The court acquitted the journalist of espionage charges.", "CONCEDE", "court"),
    Case("The government is expected to lift the state of emergency.", "CONCEDE", "government"),
    Case("The two navies held joint patrols in the Strait of Hormuz.", "COOPERATE", "navies"),
    Case(
        "Kazakhstan handed the fugitive banker over to Russian authorities.",
        "COOPERATE",
        "Kazakhstan",
    ),
    Case("Qatar donated $50 million to the relief effort in Gaza.", "AID", "Qatar"),
    Case("The IMF disbursed a $1.2 billion tranche to Pakistan.", "AID", "IMF", "Pakistan"),
    Case("Germany delivered Leopard tanks to Ukraine.", "AID", "Germany", "Ukraine"),
    Case("The army pulled its troops out of the buffer zone.", "RETREAT", "army"),
    Case("Houthi rebels freed the crew of the seized tanker.", "RETREAT", "rebels"),
    Case("The defence minister stepped down on Tuesday.", "RETREAT", "minister"),
    Case(
        "The families appealed to the government to find the missing fishermen.",
        "REQUEST",
        "families",
    ),
    Case(
        "The Security Council demanded an immediate halt to the fighting.",
        "REQUEST",
        "Security Council",
    ),
    Case("Ukraine pressed its allies for more air defence systems.", "REQUEST", "Ukraine"),
    Case(
        "Washington blamed Tehran for the attack on the tanker.", "ACCUSE", "Washington", "Tehran"
    ),
    Case("Activists filed a lawsuit against the interior ministry.", "ACCUSE", "Activists"),
    Case("The ministry summoned the British ambassador over the remarks.", "ACCUSE", "ministry"),
    Case("The rebels dismissed the offer of talks as a ploy.", "REJECT", "rebels"),
    Case("Moscow denied involvement in the poisoning.", "REJECT", "Moscow"),
    Case("Beijing warned of serious consequences if the visit goes ahead.", "THREATEN", "Beijing"),
    Case("The union threatened a nationwide strike.", "THREATEN", "union"),
    Case("Hundreds of demonstrators took to the streets of Tbilisi.", "PROTEST", "demonstrators"),
    Case("Taxi drivers staged a walkout over new fees.", "PROTEST", "drivers"),
    Case("Consumers boycotted French goods.", "PROTEST", "Consumers"),
    Case("The United States slapped an arms embargo on South Sudan.", "SANCTION", "United States"),
    Case("Oslo suspended aid to the Palestinian Authority.", "SANCTION", "Oslo"),
    Case(
        "The court sentenced the activist to five years in prison.", "SANCTION", "court", "activist"
    ),
    Case("Iran mobilised its Revolutionary Guards along the Iraqi border.", "MOBILIZE", "Iran"),
    Case("China sent warships into the disputed waters.", "MOBILIZE", "China"),
    Case("The army stepped up patrols along the frontier.", "MOBILIZE", "army"),
    Case(
        "Authorities detained the journalist at Cairo airport.",
        "COERCE",
        "Authorities",
        "journalist",
    ),
    Case("Customs officers seized two tonnes of cocaine.", "COERCE", "officers"),
    Case("The regime shut down the internet across the country.", "COERCE", "regime"),
    Case("Russian forces bombarded Kharkiv overnight.", "ASSAULT", "Russian forces", "Kharkiv"),
    Case("Militants stormed a hotel in Mogadishu.", "ASSAULT", "Militants", "hotel"),
    Case(
        "Gunmen abducted 30 schoolchildren in Kaduna state.", "ASSAULT", "Gunmen", "schoolchildren"
    ),
    Case("The army launched an offensive against rebel strongholds.", "ASSAULT", "army"),
    Case("Rebels did not attack the convoy.", "ASSAULT", "Rebels", modality="negated"),
    # --- a third set, written after the lexicon audit and scored once, without tuning to it
    Case(
        "Serbia and Kosovo agreed to normalise relations under an EU-brokered plan.",
        "AGREE",
        "Serbia",
    ),
    Case("The junta offered to hold elections within two years.", "AGREE", "junta"),
    Case("The president will visit Beijing in May.", "AGREE", "president", modality="future"),
    Case("Erdogan received the Swedish foreign minister in Ankara.", "CONSULT", "Erdogan"),
    Case("Negotiators from both sides met behind closed doors in Doha.", "CONSULT", "Negotiators"),
    Case("The Arab League backed Egypt's position on the dam.", "SUPPORT", "Arab League"),
    Case(
        "India congratulated the new Sri Lankan president on his victory.",
        "SUPPORT",
        "India",
        "president",
    ),
    Case("Beijing relaxed its visa rules for European travellers.", "CONCEDE", "Beijing"),
    Case("The minister apologized for the remarks.", "CONCEDE", "minister"),
    Case(
        "Colombia and Ecuador launched a joint operation against drug traffickers.",
        "COOPERATE",
        "Colombia",
    ),
    Case(
        "France extradited a Rwandan genocide suspect to Kigali.", "COOPERATE", "France", "Kigali"
    ),
    Case("Japan provided $100 million in emergency aid to Syria.", "AID", "Japan", "Syria"),
    Case("The Red Cross delivered food and medicine to the besieged town.", "AID", "Red Cross"),
    Case("Armenian forces withdrew from three districts.", "RETREAT", "Armenian forces"),
    Case("The kidnappers freed the two aid workers unharmed.", "RETREAT", "kidnappers"),
    Case("Israel did not release the prisoners.", "RETREAT", "Israel", modality="negated"),
    Case("The opposition called for early elections.", "REQUEST", "opposition"),
    Case("Lebanon requested emergency assistance from the IMF.", "REQUEST", "Lebanon"),
    Case("Kyiv accused Moscow of shelling the nuclear plant.", "ACCUSE", "Kyiv", "Moscow"),
    Case("The UN launched an inquiry into alleged war crimes.", "ACCUSE", "UN"),
    Case("The Taliban rejected calls to reopen girls' schools.", "REJECT", "Taliban"),
    Case("Venezuela refused to recognize the election results.", "REJECT", "Venezuela"),
    Case("Iran threatened to close the Strait of Hormuz.", "THREATEN", "Iran"),
    Case("The rebels warned they would resume attacks if talks failed.", "THREATEN", "rebels"),
    Case(
        "Tens of thousands of people protested in Tel Aviv against the judicial overhaul.",
        "PROTEST",
        "people",
    ),
    Case("Teachers went on strike across the country.", "PROTEST", "Teachers"),
    Case("Britain sanctioned five Russian oligarchs.", "SANCTION", "Britain", "oligarchs"),
    Case("Niger expelled the French ambassador.", "SANCTION", "Niger", "ambassador"),
    Case("Serbia placed its army on the highest level of combat readiness.", "MOBILIZE", "Serbia"),
    Case("India deployed additional troops to the Line of Control.", "MOBILIZE", "India"),
    Case("Police detained the opposition leader at his home.", "COERCE", "Police", "leader"),
    Case("The authorities shut down two independent newspapers.", "COERCE", "authorities"),
    Case(
        "Militants attacked an army checkpoint, killing four soldiers.",
        "ASSAULT",
        "Militants",
        "checkpoint",
    ),
    Case(
        "Ukrainian drones struck an oil refinery in southern Russia.",
        "ASSAULT",
        "drones",
        "refinery",
    ),
)


class Outcome(NamedTuple):
    case: Case
    event: RawEvent | None
    actors: list[str]
    recipients: list[str]


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    from reportedly.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    found: list[Outcome] = []
    for case, doc in zip(CASES, nlp.pipe([c.text for c in CASES]), strict=True):
        events: list[RawEvent] = getattr(doc._, "events", None) or []
        event = max(events, key=lambda e: e.confidence, default=None)
        if event is None:
            found.append(Outcome(case, None, [], []))
            continue
        actors = [doc.text[s:e] for s, e in event.actors]
        recipients = [doc.text[s:e] for s, e in event.recipients]
        found.append(Outcome(case, event, actors, recipients))
    return found


def _rate(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else 1.0


def _has(texts: list[str], expected: str) -> bool:
    return any(expected.lower() in t.lower() or t.lower() in expected.lower() for t in texts)


def test_cases_cover_every_type_several_times() -> None:
    from collections import Counter

    from reportedly.nlp.events import PLOVER_TYPES

    counts = Counter(c.type for c in CASES)
    assert set(counts) == set(PLOVER_TYPES)
    assert min(counts.values()) >= 4


def test_type_accuracy(outcomes: list[Outcome]) -> None:
    hits = [o.event is not None and o.event.type == o.case.type for o in outcomes]
    misses = [
        (o.case.text, o.case.type, o.event.type if o.event else None)
        for o, hit in zip(outcomes, hits, strict=True)
        if not hit
    ]
    accuracy = _rate(hits)
    print(f"\nheld-out type accuracy {accuracy:.3f} ({sum(hits)}/{len(hits)})")
    for miss in misses:
        print("  miss:", miss)
    assert accuracy >= TYPE_FLOOR, misses


def test_actor_accuracy(outcomes: list[Outcome]) -> None:
    scored = [o for o in outcomes if o.case.actor is not None and o.event is not None]
    hits = [_has(o.actors, o.case.actor or "") for o in scored]
    misses = [(o.case.text, o.actors) for o, h in zip(scored, hits, strict=True) if not h]
    print(f"\nheld-out actor accuracy {_rate(hits):.3f}")
    assert _rate(hits) >= ACTOR_FLOOR, misses


def test_recipient_accuracy(outcomes: list[Outcome]) -> None:
    scored = [o for o in outcomes if o.case.recipient is not None and o.event is not None]
    hits = [_has(o.recipients, o.case.recipient or "") for o in scored]
    misses = [(o.case.text, o.recipients) for o, h in zip(scored, hits, strict=True) if not h]
    print(f"\nheld-out recipient accuracy {_rate(hits):.3f}")
    assert _rate(hits) >= RECIPIENT_FLOOR, misses


def test_modality(outcomes: list[Outcome]) -> None:
    scored = [o for o in outcomes if o.case.modality is not None and o.event is not None]
    hits = [o.event is not None and o.event.modality == o.case.modality for o in scored]
    assert _rate(hits) >= MODALITY_FLOOR
