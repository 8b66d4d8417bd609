/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the four built-in letter templates (Dutch or English, public
 * law or employment law), in the template language of template-private.h
 * and filled by the letter engine (letter.c) with the names it lists.
 */
#include <staffmatch/letter.h>

/* ---- the built-in templates --------------------------------------------- */

/* The templates are plain text kept as C strings: one paragraph a line
 * (a word processor wraps it), sections on lines of their own. They are
 * composed of parts shared by the two regimes of a language. */

#define NL_FIELDS                                                              \
  "{{! Standaardsjabloon van staffmatch voor een plaatsingsbrief.\n"           \
  "    Kopieer dit sjabloon om er een eigen brief van te maken. Een naam\n"    \
  "    tussen dubbele accolades wordt ingevuld; een regel met alleen een\n"    \
  "    sectie (hekje: tonen als waar of per item, dakje: tonen als onwaar\n"   \
  "    of leeg, schuine streep: einde) verdwijnt uit de brief. Alinea's\n"     \
  "    staan op één regel, zodat een tekstverwerker ze zelf afbreekt.\n"     \
  "\n"                                                                         \
  "    Velden van de brief:\n"                                                 \
  "      sender, deciding_body   wie besluit, bij wie ook de zienswijze\n"     \
  "                          of het bezwaar wordt ingediend (standaard\n"      \
  "                          de werkgever)\n"                                  \
  "      employer            naam van de werkgever\n"                          \
  "      signatory           wie namens het bestuur ondertekent\n"             \
  "      contact             bij wie de medewerker met vragen terecht kan\n"   \
  "      response_address    waar een zienswijze of bezwaar heen gaat\n"       \
  "      letter_date         datum van de brief (leeg als niet gegeven)\n"     \
  "      response_deadline   twee weken na de datum van de brief\n"            \
  "      effective_date      datum waarop de plaatsing ingaat\n"               \
  "      reference_date      peildatum van leeftijd en diensttijd\n"           \
  "      seed, tie_breaking  lotingsgetal en manier van loten\n"               \
  "      improvement_cycles  waar: na de loting verbeterrondes tussen\n"       \
  "                          kandidaten die gelijk staan\n"                    \
  "      version, checksum   versie van staffmatch en controlegetal van\n"     \
  "                          het scenario, om de plaatsing te herhalen\n"      \
  "      public_law, employment_law   waar onder dat rechtsregime\n"           \
  "      employee_name, employee_id   naam en personeelsnummer\n"              \
  "    Het besluit; precies een van applied (gesolliciteerd en geplaatst),\n"  \
  "    follows_work (mens volgt werk), supernumerary (boventallig) en\n"       \
  "    manual (hardheidsclausule) is waar:\n"                                  \
  "      organisation, unit, position, grade (schaal van de functie),\n"       \
  "      preference_obtained (nummer van de toegekende voorkeur),\n"           \
  "      manual_reason (reden van de plaatsing met hardheidsclausule)\n"       \
  "    Lijst preferences, de voorkeuren in volgorde, per voorkeur:\n"          \
  "      number, title, place (organisatie en afdeling), candidates,\n"        \
  "      seats, competition (kandidaten en plaatsen in een zin), obtained,\n"  \
  "      refused, not_needed (een hogere voorkeur is toegekend), reason,\n"    \
  "      rank (eigen plaats in de voorrangsvolgorde), cutoff (plaats van\n"    \
  "      de laatst geplaatste), decided_by (wat de doorslag gaf),\n"           \
  "      own_value (het eigen gegeven daarvoor)\n"                             \
  "    Lijst own_function, de eigen functie als die niet behouden is:\n"       \
  "      title, place, candidates, seats, competition, refused, reason,\n"     \
  "      rank, cutoff, decided_by, own_value\n"                                \
  "    Lijst rules, de voorrangsregels van de functies, per regel:\n"          \
  "      rule_id, rule_positions, filters (voorwaarden), en de lijst\n"        \
  "      criteria met criterion_number en criterion\n"                         \
  "}}\n"

#define EN_FIELDS                                                              \
  "{{! staffmatch's built-in template of a placement letter.\n"                \
  "    Copy it to make your own letter. A name between double braces is\n"     \
  "    filled in; a line holding only a section tag (hash: shown when\n"       \
  "    true or once per item, caret: shown when false or empty, slash:\n"      \
  "    end) is left out of the letter. Each paragraph is one line, so\n"       \
  "    that a word processor wraps it.\n"                                      \
  "\n"                                                                         \
  "    Fields of the letter:\n"                                                \
  "      sender, deciding_body   who decides, and with whom a response\n"      \
  "                          or objection is lodged (by default the\n"         \
  "                          employer)\n"                                      \
  "      employer            the employer's name\n"                            \
  "      signatory           who signs on the deciding body's behalf\n"        \
  "      contact             whom the employee may ask\n"                      \
  "      response_address    where a response or objection is sent\n"          \
  "      letter_date         the date of the letter (empty if not given)\n"    \
  "      response_deadline   two weeks after the date of the letter\n"         \
  "      effective_date      the date the placement takes effect\n"            \
  "      reference_date      the date of ages and years of service\n"          \
  "      seed, tie_breaking  the lottery seed and how ties are drawn\n"        \
  "      improvement_cycles  true: improvement cycles among tied\n"            \
  "                          candidates followed the lottery\n"                \
  "      version, checksum   staffmatch's version and the scenario's\n"        \
  "                          checksum, to reproduce the placement\n"           \
  "      public_law, employment_law   true under that legal regime\n"          \
  "      employee_name, employee_id   name and personnel number\n"             \
  "    The decision; exactly one of applied (placed where they applied),\n"    \
  "    follows_work (the person follows the work), supernumerary and\n"        \
  "    manual (hardship clause) is true:\n"                                    \
  "      organisation, unit, position, grade (the position's grade),\n"        \
  "      preference_obtained (the number of the preference obtained),\n"       \
  "      manual_reason (the reason recorded for a manual placement)\n"         \
  "    List preferences, in order, each with:\n"                               \
  "      number, title, place (organisation and unit), candidates, seats,\n"   \
  "      competition (candidates and places in a sentence), obtained,\n"       \
  "      refused, not_needed (a higher preference was obtained), reason,\n"    \
  "      rank (own place in the priority order), cutoff (the place of the\n"   \
  "      last person admitted), decided_by (what decided), own_value\n"        \
  "      (the employee's own value for it)\n"                                  \
  "    List own_function, the own function when it was not kept:\n"            \
  "      title, place, candidates, seats, competition, refused, reason,\n"     \
  "      rank, cutoff, decided_by, own_value\n"                                \
  "    List rules, the priority rules of the positions, each with:\n"          \
  "      rule_id, rule_positions, filters (eligibility), and the list\n"       \
  "      criteria with criterion_number and criterion\n"                       \
  "}}\n"

/* clang-format off */
#define NL_DECISION                                                            \
  "{{#applied}}\n"                                                             \
  "U wordt met ingang van {{effective_date}} geplaatst in de functie "         \
  "{{position}} (schaal {{grade}}) bij {{organisation}}, afdeling "            \
  "{{unit}}. Dit is uw {{preference_obtained}}e voorkeur.\n"                   \
  "{{/applied}}\n"                                                             \
  "{{#follows_work}}\n"                                                        \
  "U wordt met ingang van {{effective_date}} geplaatst in de functie "         \
  "{{position}} (schaal {{grade}}) bij {{organisation}}, afdeling "            \
  "{{unit}}. Dit is de functie die bij uw huidige werk hoort: volgens "        \
  "het uitgangspunt \"mens volgt werk\" gaat u mee met uw werk.\n"             \
  "{{/follows_work}}\n"                                                        \
  "{{#supernumerary}}\n"                                                       \
  "U komt met ingang van {{effective_date}} in dienst van "                    \
  "{{organisation}} en wordt boventallig binnen de afdeling {{unit}}. "        \
  "Boventallig betekent dat u in dienst bent, maar dat er voor u (nog) "       \
  "geen formatieplaats is. Welke begeleiding naar ander werk u krijgt en "     \
  "welke rechten u heeft, staat in het sociaal statuut.\n"                     \
  "{{/supernumerary}}\n"                                                       \
  "{{#manual}}\n"                                                              \
  "U wordt met ingang van {{effective_date}} geplaatst in de functie "         \
  "{{position}} (schaal {{grade}}) bij {{organisation}}, afdeling "            \
  "{{unit}}. Daarbij is op grond van de hardheidsclausule afgeweken van "      \
  "de gewone plaatsingsregels, om deze reden: {{manual_reason}}\n"             \
  "{{/manual}}\n"

#define NL_PREFERENCES                                                         \
  "\n"                                                                         \
  "Uw voorkeuren\n"                                                            \
  "{{#preferences}}\n"                                                         \
  "{{number}}. {{title}} ({{place}})\n"                                        \
  "   {{competition}}\n"                                                        \
  "{{#obtained}}\n"                                                            \
  "   Toegekend: in deze functie wordt u geplaatst.\n"                         \
  "{{/obtained}}\n"                                                            \
  "{{#refused}}\n"                                                             \
  "   {{reason}}\n"                                                            \
  "{{/refused}}\n"                                                             \
  "{{#not_needed}}\n"                                                          \
  "   Niet meer aan de orde: u wordt geplaatst in een functie die u "          \
  "hoger op uw lijst had staan.\n"                                             \
  "{{/not_needed}}\n"                                                          \
  "{{/preferences}}\n"                                                         \
  "{{^preferences}}\n"                                                         \
  "U heeft niet gesolliciteerd op een functie bij een andere "                 \
  "organisatie.\n"                                                             \
  "{{/preferences}}\n"                                                         \
  "{{#own_function}}\n"                                                        \
  "\n"                                                                         \
  "Uw eigen functie\n"                                                         \
  "{{title}} ({{place}})\n"                                                    \
  "   {{competition}}\n"                                                       \
  "   {{reason}}\n"                                                            \
  "{{/own_function}}\n"

#define NL_RULES                                                               \
  "\n"                                                                         \
  "Hoe de plaatsing is bepaald\n"                                              \
  "De kandidaten voor een functie zijn in een voorrangsvolgorde gezet "        \
  "volgens de voorrangsregel van die functie uit het sociaal statuut. De "     \
  "criteria gelden in de volgorde hieronder: het eerste criterium waarin "     \
  "twee kandidaten verschillen, beslist. Wie daarna nog gelijk staan, "        \
  "zijn door loting gerangschikt. Iedereen is geplaatst op de hoogste "        \
  "voorkeur waarvoor hij of zij binnen de beschikbare plaatsen viel. "         \
  "{{#improvement_cycles}}Daarna hebben verbeterrondes kandidaten die "        \
  "gelijk staan onderling laten ruilen (zie hieronder). "                      \
  "{{/improvement_cycles}}"                                                    \
  "Namen van collega's noemen wij niet: de plaats in de "                      \
  "voorrangsvolgorde van de laatst geplaatste kandidaat zegt genoeg.\n"        \
  "{{#rules}}\n"                                                               \
  "\n"                                                                         \
  "Voorrangsregel \"{{rule_id}}\", voor: {{rule_positions}}\n"                 \
  "{{#criteria}}\n"                                                            \
  "   {{criterion_number}}. {{criterion}}\n"                                   \
  "{{/criteria}}\n"                                                            \
  "{{^criteria}}\n"                                                            \
  "   geen criteria: de volgorde is geheel door loting bepaald\n"              \
  "{{/criteria}}\n"                                                            \
  "{{#filters}}\n"                                                             \
  "   Voorwaarden om in aanmerking te komen: {{filters}}.\n"                   \
  "{{/filters}}\n"                                                             \
  "{{/rules}}\n"                                                               \
  "\n"                                                                         \
  "Loting: {{tie_breaking}}, met lotingsgetal (seed) {{seed}}. Leeftijd "      \
  "en diensttijd zijn berekend op {{reference_date}}.\n"                       \
  "{{#improvement_cycles}}\n"                                                  \
  "Na de loting zijn verbeterrondes gehouden (stable improvement cycles): "    \
  "kandidaten die volgens de regels gelijk staan, ruilden onderling van "      \
  "functie, zodat ieder een functie kreeg die hij liever had. Niemand kreeg "  \
  "daardoor "                                                                  \
  "een minder gewenste plaats, en niemand met een lagere voorrang ging voor "  \
  "iemand met een hogere. Deze werkwijze is niet strategiebestendig: wie "     \
  "zijn voorkeuren anders opgeeft dan ze zijn, kan er soms beter van "         \
  "worden.\n"                                                                  \
  "{{/improvement_cycles}}\n"

#define EN_DECISION                                                            \
  "{{#applied}}\n"                                                             \
  "With effect from {{effective_date}} you are placed in the position "        \
  "of {{position}} (salary grade {{grade}}) at {{organisation}}, unit "        \
  "{{unit}}. This was preference {{preference_obtained}} on your list.\n"      \
  "{{/applied}}\n"                                                             \
  "{{#follows_work}}\n"                                                        \
  "With effect from {{effective_date}} you are placed in the position "        \
  "of {{position}} (salary grade {{grade}}) at {{organisation}}, unit "        \
  "{{unit}}. This is the position of your own function: under the rule "       \
  "that the person follows the work (\"mens volgt werk\"), you move with "     \
  "your work.\n"                                                               \
  "{{/follows_work}}\n"                                                        \
  "{{#supernumerary}}\n"                                                       \
  "With effect from {{effective_date}} you are employed by "                   \
  "{{organisation}} and supernumerary (boventallig) in the unit {{unit}}. "    \
  "Supernumerary means that you remain employed, but without a position "      \
  "in the formation for now. The social plan (sociaal statuut) sets out "      \
  "the support towards other work you will receive and your rights.\n"         \
  "{{/supernumerary}}\n"                                                       \
  "{{#manual}}\n"                                                              \
  "With effect from {{effective_date}} you are placed in the position "        \
  "of {{position}} (salary grade {{grade}}) at {{organisation}}, unit "        \
  "{{unit}}. This placement departs from the usual rules under the "           \
  "hardship clause (hardheidsclausule), for this reason: "                     \
  "{{manual_reason}}\n"                                                        \
  "{{/manual}}\n"

#define EN_PREFERENCES                                                         \
  "\n"                                                                         \
  "Your preferences\n"                                                         \
  "{{#preferences}}\n"                                                         \
  "{{number}}. {{title}} ({{place}})\n"                                        \
  "   {{competition}}\n"                                                        \
  "{{#obtained}}\n"                                                            \
  "   Obtained: you are placed in this position.\n"                            \
  "{{/obtained}}\n"                                                            \
  "{{#refused}}\n"                                                             \
  "   {{reason}}\n"                                                            \
  "{{/refused}}\n"                                                             \
  "{{#not_needed}}\n"                                                          \
  "   No longer relevant: you are placed in a position higher on your "        \
  "list.\n"                                                                    \
  "{{/not_needed}}\n"                                                          \
  "{{/preferences}}\n"                                                         \
  "{{^preferences}}\n"                                                         \
  "You did not apply for a position at another organisation.\n"                \
  "{{/preferences}}\n"                                                         \
  "{{#own_function}}\n"                                                        \
  "\n"                                                                         \
  "Your own function\n"                                                        \
  "{{title}} ({{place}})\n"                                                    \
  "   {{competition}}\n"                                                       \
  "   {{reason}}\n"                                                            \
  "{{/own_function}}\n"

#define EN_RULES                                                               \
  "\n"                                                                         \
  "How the placement was decided\n"                                            \
  "The candidates for a position were put in a priority order by the "         \
  "position's priority rule from the social plan. The criteria apply in "      \
  "the order below: the first criterion on which two candidates differ "       \
  "decides. Candidates still tied were ordered by lottery. Everybody was "     \
  "placed at the highest preference for which they came within the "           \
  "places available. {{#improvement_cycles}}Then improvement cycles let "     \
  "tied candidates exchange positions among themselves (see below). "          \
  "{{/improvement_cycles}}"                                                    \
  "We do not name colleagues: the place in the "                               \
  "priority order of the last person admitted says enough.\n"                  \
  "{{#rules}}\n"                                                               \
  "\n"                                                                         \
  "Priority rule \"{{rule_id}}\", for: {{rule_positions}}\n"                   \
  "{{#criteria}}\n"                                                            \
  "   {{criterion_number}}. {{criterion}}\n"                                   \
  "{{/criteria}}\n"                                                            \
  "{{^criteria}}\n"                                                            \
  "   no criteria: the order was drawn entirely by lottery\n"                  \
  "{{/criteria}}\n"                                                            \
  "{{#filters}}\n"                                                             \
  "   To be eligible: {{filters}}.\n"                                          \
  "{{/filters}}\n"                                                             \
  "{{/rules}}\n"                                                               \
  "\n"                                                                         \
  "Lottery: {{tie_breaking}}, with seed {{seed}}. Ages and years of "          \
  "service were counted on {{reference_date}}.\n"                              \
  "{{#improvement_cycles}}\n"                                                  \
  "After the lottery, stable improvement cycles were carried out: "            \
  "candidates tied under the rules exchanged positions among themselves, "     \
  "each getting one they preferred to their own. Nobody got a less wanted "    \
  "place through them, and "                                                   \
  "nobody with a lower priority went ahead of anyone with a higher one. "      \
  "This method is not strategy-proof: someone who states preferences other "   \
  "than their own can sometimes gain by it.\n"                                 \
  "{{/improvement_cycles}}\n"
/* clang-format on */

/* clang-format off */

/* The letterhead: the employer, the date when given, the addressee. */
#define NL_HEAD(subject)                                                       \
  "{{#employer}}\n"                                                            \
  "{{employer}}\n"                                                             \
  "\n"                                                                         \
  "{{/employer}}\n"                                                            \
  "{{#letter_date}}\n"                                                         \
  "Datum: {{letter_date}}\n"                                                   \
  "{{/letter_date}}\n"                                                         \
  "Aan: {{employee_name}}\n"                                                   \
  "Personeelsnummer: {{employee_id}}\n"                                        \
  "Onderwerp: " subject " over uw plaatsing per {{effective_date}}\n"          \
  "\n"                                                                         \
  "Beste {{employee_name}},\n"                                                 \
  "\n"

/* "binnen twee weken na de datum van deze brief", with that date. */
#define NL_TWO_WEEKS                                                           \
  "{{#letter_date}}binnen twee weken na de datum van deze brief, dus "         \
  "uiterlijk op {{response_deadline}},{{/letter_date}}"                        \
  "{{^letter_date}}binnen twee weken nadat u deze brief heeft "                \
  "ontvangen{{/letter_date}}"

#define NL_TO_BODY                                                             \
  "{{deciding_body}}{{#response_address}} ({{response_address}})"              \
  "{{/response_address}}"

#define NL_SIGNATURE                                                           \
  "{{#contact}}\n"                                                             \
  "\n"                                                                         \
  "Heeft u vragen over deze brief, neem dan contact op met {{contact}}.\n"     \
  "{{/contact}}\n"                                                             \
  "\n"                                                                         \
  "Met vriendelijke groet,\n"                                                  \
  "\n"                                                                         \
  "{{sender}}\n"                                                               \
  "{{#signatory}}\n"                                                           \
  "namens deze,\n"                                                             \
  "\n"                                                                         \
  "{{signatory}}\n"                                                            \
  "{{/signatory}}\n"                                                           \
  "\n"                                                                         \
  "Kenmerk: staffmatch {{version}}, scenario {{checksum}}, lotingsgetal "      \
  "{{seed}}\n"

static const char template_nl_public[] =
  NL_FIELDS
  NL_HEAD ("ontwerpbesluit")
  "Door de reorganisatie verandert uw plaats in de organisatie. Met deze "
  "brief ontvangt u het ontwerpbesluit over uw plaatsing: waar u komt te "
  "werken, waarom, en wat u kunt doen als u het er niet mee eens bent.\n"
  "\n"
  "Ontwerpbesluit\n"
  NL_DECISION
  NL_PREFERENCES
  NL_RULES
  "\n"
  "Zienswijze en bezwaar\n"
  "Dit is een ontwerpbesluit. Bent u het er niet mee eens, dan kunt u "
  NL_TWO_WEEKS " schriftelijk uw zienswijze geven aan " NL_TO_BODY
  " (artikel 4:8 van de Algemene wet bestuursrecht, Awb). Daarna neemt "
  "{{deciding_body}} een besluit over uw plaatsing. Tegen dat besluit kunt "
  "u op grond van de Awb bezwaar maken bij " NL_TO_BODY ", binnen zes "
  "weken te rekenen vanaf de dag na de bekendmaking van het besluit "
  "(artikelen 6:7 en 6:8 Awb). Het bezwaarschrift moet ondertekend zijn en "
  "ten minste uw naam en adres, de datum, een omschrijving van het besluit "
  "en de redenen van uw bezwaar bevatten (artikel 6:5 Awb).\n"
  NL_SIGNATURE;

static const char template_nl_employment[] =
  NL_FIELDS
  NL_HEAD ("besluit")
  "Door de reorganisatie verandert uw plaats in de organisatie. In deze "
  "brief leest u het besluit over uw plaatsing: waar u komt te werken, "
  "waarom, en wat u kunt doen als u het er niet mee eens bent.\n"
  "\n"
  "Besluit\n"
  NL_DECISION
  NL_PREFERENCES
  NL_RULES
  "\n"
  "Niet mee eens?\n"
  "Dit besluit is genomen door {{deciding_body}}, onder het "
  "arbeidsrecht. Bent u het er niet mee eens, laat dat dan " NL_TWO_WEEKS
  " schriftelijk en met uw redenen weten aan " NL_TO_BODY ". Uw werkgever "
  "bespreekt uw bedenkingen dan met u, zoals het sociaal statuut "
  "voorschrijft. Komt u er samen niet uit, dan kunt u de kantonrechter "
  "vragen het besluit te toetsen. Laat u zich daarover zo nodig eerst "
  "adviseren, bijvoorbeeld door uw vakbond.\n"
  NL_SIGNATURE;

#define EN_HEAD(subject)                                                       \
  "{{#employer}}\n"                                                            \
  "{{employer}}\n"                                                             \
  "\n"                                                                         \
  "{{/employer}}\n"                                                            \
  "{{#letter_date}}\n"                                                         \
  "Date: {{letter_date}}\n"                                                    \
  "{{/letter_date}}\n"                                                         \
  "To: {{employee_name}}\n"                                                    \
  "Personnel number: {{employee_id}}\n"                                        \
  "Subject: " subject " on your placement from {{effective_date}}\n"           \
  "\n"                                                                         \
  "Dear {{employee_name}},\n"                                                  \
  "\n"

#define EN_TWO_WEEKS                                                           \
  "{{#letter_date}}within two weeks of the date of this letter, that is by "   \
  "{{response_deadline}},{{/letter_date}}"                                     \
  "{{^letter_date}}within two weeks of receiving this letter{{/letter_date}}"

#define EN_TO_BODY                                                             \
  "{{deciding_body}}{{#response_address}} ({{response_address}})"              \
  "{{/response_address}}"

#define EN_SIGNATURE                                                           \
  "{{#contact}}\n"                                                             \
  "\n"                                                                         \
  "If you have questions about this letter, please contact {{contact}}.\n"     \
  "{{/contact}}\n"                                                             \
  "\n"                                                                         \
  "Yours sincerely,\n"                                                         \
  "\n"                                                                         \
  "{{sender}}\n"                                                               \
  "{{#signatory}}\n"                                                           \
  "on its behalf,\n"                                                           \
  "\n"                                                                         \
  "{{signatory}}\n"                                                            \
  "{{/signatory}}\n"                                                           \
  "\n"                                                                         \
  "Reference: staffmatch {{version}}, scenario {{checksum}}, seed "            \
  "{{seed}}\n"

static const char template_en_public[] =
  EN_FIELDS
  EN_HEAD ("Draft decision")
  "Because of the reorganisation, your place in the organisation changes. "
  "This letter gives you the draft decision on your placement: where you "
  "will work, why, and what you can do if you disagree.\n"
  "\n"
  "Draft decision\n"
  EN_DECISION
  EN_PREFERENCES
  EN_RULES
  "\n"
  "Response and objection\n"
  "This is a draft decision. If you disagree, you may give your response "
  "(zienswijze) in writing " EN_TWO_WEEKS " to " EN_TO_BODY " (article 4:8 "
  "of the General Administrative Law Act, Algemene wet bestuursrecht, "
  "Awb). Then {{deciding_body}} takes a decision on your placement. Under "
  "the Awb you may lodge an objection (bezwaar) against that decision with "
  EN_TO_BODY " within six weeks, counted from the day after the decision "
  "was made known (articles 6:7 and 6:8 Awb). Your notice of objection "
  "must be signed and give at least your name and address, the date, the "
  "decision you object to and your reasons (article 6:5 Awb).\n"
  EN_SIGNATURE;

static const char template_en_employment[] =
  EN_FIELDS
  EN_HEAD ("Decision")
  "Because of the reorganisation, your place in the organisation changes. "
  "This letter gives you the decision on your placement: where you will "
  "work, why, and what you can do if you disagree.\n"
  "\n"
  "Decision\n"
  EN_DECISION
  EN_PREFERENCES
  EN_RULES
  "\n"
  "If you disagree\n"
  "This decision was taken by {{deciding_body}} under employment law. "
  "If you disagree, let " EN_TO_BODY " know in writing, "
  "with your reasons, " EN_TWO_WEEKS " and your employer will discuss your "
  "concerns with you, as the social plan (sociaal statuut) provides. If "
  "you still disagree, you can ask the subdistrict court (kantonrechter) "
  "to review the decision. You may wish to seek advice first, for example "
  "from your trade union.\n"
  EN_SIGNATURE;

/* clang-format on */

static const char *const template_names[] = { "nl-public", "nl-employment",
                                              "en-public", "en-employment",
                                              NULL };

const char *const *
sm_letter_template_names (void)
{
  return template_names;
}

gboolean
sm_letter_template_from_name (const char *name, SmLanguage *language_out,
                              SmRegime *regime_out)
{
  g_return_val_if_fail (name != NULL, FALSE);
  for (int k = 0; template_names[k] != NULL; k++)
    if (g_strcmp0 (template_names[k], name) == 0)
      {
        if (language_out != NULL)
          *language_out = k < 2 ? SM_LANGUAGE_DUTCH : SM_LANGUAGE_ENGLISH;
        if (regime_out != NULL)
          *regime_out = k % 2 == 0 ? SM_REGIME_PUBLIC_LAW
                                   : SM_REGIME_EMPLOYMENT_LAW;
        return TRUE;
      }
  return FALSE;
}

const char *
sm_letter_get_default_template (SmLanguage language, SmRegime regime)
{
  gboolean public_law = regime != SM_REGIME_EMPLOYMENT_LAW;
  if (language == SM_LANGUAGE_ENGLISH)
    return public_law ? template_en_public : template_en_employment;
  return public_law ? template_nl_public : template_nl_employment;
}
