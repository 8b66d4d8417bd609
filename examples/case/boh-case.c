/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch examples: a generated stand-in for the Ommen-Hardenberg case.
 *
 * What it builds (README tells the real case):
 *  - two organisations: Gemeente Ommen, a directing municipality that
 *    receives applicants (band of 45 to 50 people), and Gemeente
 *    Hardenberg, the default that takes everybody else;
 *  - Hardenberg's units, which are the departments of the former shared
 *    civil service (BOH). A department that works for Ommen under a
 *    service contract carries it with its end year (2019, 2020 or 2024);
 *    where work under different end years sat in one department, it is a
 *    unit of its own here (Samen Doen, insurance, payroll), so that every
 *    unit has one contract;
 *  - one Hardenberg position per function, its seats the function's
 *    formation ("mens volgt werk"), and Ommen's positions of a directing
 *    municipality, 45 to 50 seats in all;
 *  - a table of function relations: functions of one family fit each
 *    other by grade distance, and each Ommen role names the BOH functions
 *    it suits;
 *  - about 480 employees and the applications of the quarter or so of
 *    them who want to go to Ommen, mostly to roles that fit their work.
 *
 * Why it is generated: the example programs and the command-line tool
 * need the case as data, and no real personnel records may be shipped.
 * Names are random combinations of common Dutch first names and surnames
 * and belong to nobody; birth dates, service dates and scores are drawn
 * at random within realistic ranges.
 *
 * Determinism: every choice comes from xoshiro256** seeded through
 * splitmix64, with integer arithmetic only (weighted draws on integer
 * weights, exact bounded draws by rejection), so one seed gives the same
 * scenario, item for item, on every machine. Each stage draws from its own
 * stream, so that changing one stage leaves the others' draws alone.
 *
 * Hardenberg's formation is the work that stays: for each function, its
 * current staff minus the people the Ommen roles are expected to take from
 * it (estimated by a quick run of deferred acceptance over the generated
 * applications with the same priorities the scenario's rules use), minus a
 * few cuts. The total is therefore a little below the number of people who
 * stay, which leaves a handful of supernumeraries, as in a real
 * reorganisation.
 *
 * Variants: the whole-years variant draws exactly the same case (the
 * formation is estimated with service to the day either way) and only
 * changes the rules: both count service in whole years on the reference
 * date, and the default rule leaves age out (fit, same grade, whole years
 * of service, then the lot), as social plans that count whole years do.
 * The two can then be compared person by person.
 */
#include "boh-case.h"

#include <math.h>
#include <string.h>

/* ---- the random stream -------------------------------------------------- */

typedef struct {
  uint64_t s[4];
} BohRng;

enum {
  STREAM_SEATS = 1,
  STREAM_COUNTS,
  STREAM_PEOPLE,
  STREAM_APPLICATIONS,
  STREAM_FORMATION,
};

static uint64_t
splitmix64 (uint64_t *state)
{
  uint64_t z = (*state += UINT64_C (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_init (BohRng *rng, uint64_t seed, uint64_t stream)
{
  uint64_t state = seed;
  uint64_t salt = stream;
  for (int k = 0; k < 4; k++)
    rng->s[k] = splitmix64 (&state) ^ splitmix64 (&salt);
  if ((rng->s[0] | rng->s[1] | rng->s[2] | rng->s[3]) == 0)
    rng->s[0] = 1;
}

static uint64_t
rotl (uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna). */
static uint64_t
rng_next (BohRng *rng)
{
  uint64_t *s = rng->s;
  uint64_t result = rotl (s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* A uniform number in 0..n-1 (n > 0), without modulo bias. */
static uint64_t
rng_below (BohRng *rng, uint64_t n)
{
  uint64_t threshold = (0 - n) % n;
  for (;;)
    {
      uint64_t r = rng_next (rng);
      if (r >= threshold)
        return r % n;
    }
}

static int32_t
rng_range (BohRng *rng, int32_t lo, int32_t hi)
{
  return lo + (int32_t) rng_below (rng, (uint64_t) (hi - lo + 1));
}

/* An index drawn with probability proportional to its weight, or -1 when
 * all weights are zero. */
static int32_t
rng_pick (BohRng *rng, const uint64_t *weights, int32_t n)
{
  uint64_t total = 0;
  for (int32_t k = 0; k < n; k++)
    total += weights[k];
  if (total == 0)
    return -1;
  uint64_t r = rng_below (rng, total);
  for (int32_t k = 0; k < n; k++)
    {
      if (r < weights[k])
        return k;
      r -= weights[k];
    }
  g_assert_not_reached ();
  return -1;
}

/* ---- the organisations and units ---------------------------------------- */

#define OMMEN_ID "ommen"
#define HARDENBERG_ID "hardenberg"
#define OMMEN_MIN_HEADCOUNT 45
#define OMMEN_MAX_HEADCOUNT 50
#define MIN_EMPLOYEES 470
#define MAX_EMPLOYEES 490
#define REFERENCE_YEAR 2019
#define COMMITTEE_RULE_ID "commissie"

typedef struct {
  const char *id;
  const char *name;
  int32_t contract_end_year; /* of the service contract for Ommen; 0: none */
} BohUnit;

/* The departments of the shared civil service, now Hardenberg's. */
static const BohUnit hardenberg_units[] = {
  { "pd", "Publieksdienst", 2019 },
  { "sd", "Sociaal Domein (backoffice)", 2024 },
  { "samendoen", "Samen Doen", 2019 },
  { "wi", "Werk & Inkomen", 2019 },
  { "or", "Openbare Ruimte", 2024 },
  { "ro", "Ruimtelijke Ontwikkeling", 0 },
  { "fin", "Financiën", 0 },
  { "verz", "Verzekeringen", 2020 },
  { "pno", "Personeel & Organisatie", 0 },
  { "sal", "Salarisadministratie", 2020 },
  { "ict", "ICT", 2024 },
  { "fz", "Facilitaire Zaken", 2020 },
  { "gb", "Gegevensbeheer", 2024 },
  { "div", "Post & Archief (DIV)", 2024 },
  { "bel", "Belastingen", 2020 },
  { "bo", "Bestuursondersteuning & Griffie", 0 },
};

static const BohUnit ommen_units[] = {
  { "om-bestuur", "Bestuur & Griffie", 0 },
  { "om-regie", "Regie & Beleid", 0 },
  { "om-bv", "Bedrijfsvoering & Control", 0 },
};

/* ---- the functions of the former shared civil service ------------------- */

/* Functions of one family fit each other by grade distance. */
typedef enum {
  FAMILY_MANAGEMENT,
  FAMILY_TEAM_LEAD,
  FAMILY_POLICY_SOCIAL,
  FAMILY_POLICY_PHYSICAL,
  FAMILY_CONTRACT,
  FAMILY_PROJECT,
  FAMILY_CONSULTANT,
  FAMILY_FRONT_OFFICE,
  FAMILY_ADMINISTRATION,
  FAMILY_ENFORCEMENT,
  FAMILY_ENGINEERING,
  FAMILY_FIELD_SERVICE,
  FAMILY_PERMITS,
  FAMILY_FINANCE,
  FAMILY_HR,
  FAMILY_PAYROLL,
  FAMILY_ICT,
  FAMILY_FACILITIES,
  FAMILY_DATA,
  FAMILY_RECORDS,
  FAMILY_TAXES,
  FAMILY_GOVERNANCE,
  FAMILY_SECRETARIAT,
  FAMILY_COMMUNICATION,
  FAMILY_LEGAL,
  N_FAMILIES
} BohFamily;

/* How readily people of a family apply to Ommen: a directing
 * municipality draws policy, management and advisory staff far more
 * than field or desk staff. Relative integer weights. */
static const uint64_t family_mobility[N_FAMILIES] = {
  [FAMILY_MANAGEMENT] = 12,
  [FAMILY_TEAM_LEAD] = 8,
  [FAMILY_POLICY_SOCIAL] = 12,
  [FAMILY_POLICY_PHYSICAL] = 12,
  [FAMILY_CONTRACT] = 10,
  [FAMILY_PROJECT] = 8,
  [FAMILY_CONSULTANT] = 3,
  [FAMILY_FRONT_OFFICE] = 2,
  [FAMILY_ADMINISTRATION] = 3,
  [FAMILY_ENFORCEMENT] = 1,
  [FAMILY_ENGINEERING] = 4,
  [FAMILY_FIELD_SERVICE] = 1,
  [FAMILY_PERMITS] = 3,
  [FAMILY_FINANCE] = 6,
  [FAMILY_HR] = 6,
  [FAMILY_PAYROLL] = 2,
  [FAMILY_ICT] = 2,
  [FAMILY_FACILITIES] = 1,
  [FAMILY_DATA] = 2,
  [FAMILY_RECORDS] = 1,
  [FAMILY_TAXES] = 2,
  [FAMILY_GOVERNANCE] = 12,
  [FAMILY_SECRETARIAT] = 6,
  [FAMILY_COMMUNICATION] = 8,
  [FAMILY_LEGAL] = 8,
};

typedef struct {
  const char *unit_id;
  const char *code; /* unique: a function lives in one unit */
  const char *title;
  int32_t grade; /* schaal */
  BohFamily family;
  int32_t count;             /* typical number of employees */
  const char *qualification; /* held by some of them, or NULL */
  int32_t qualification_percent;
} BohFunction;

/* One row per function reads best as a table. */
/* clang-format off */
static const BohFunction boh_functions[] = {
  { "pd", "MGR-PD", "Afdelingsmanager Publieksdienst", 13, FAMILY_MANAGEMENT, 1, NULL, 0 },
  { "pd", "TL-PD", "Teamleider Publieksdienst", 10, FAMILY_TEAM_LEAD, 2, NULL, 0 },
  { "pd", "KCC-MW", "Klantcontactmedewerker", 6, FAMILY_FRONT_OFFICE, 21, NULL, 0 },
  { "pd", "KCC-SR", "Senior klantcontactmedewerker", 7, FAMILY_FRONT_OFFICE, 4, NULL, 0 },
  { "pd", "BZ-MW", "Medewerker burgerzaken", 7, FAMILY_FRONT_OFFICE, 14, "nvvb-diploma", 70 },
  { "pd", "BZ-SR", "Senior medewerker burgerzaken", 8, FAMILY_FRONT_OFFICE, 5, "nvvb-diploma", 95 },

  { "sd", "MGR-SD", "Afdelingsmanager Sociaal Domein", 13, FAMILY_MANAGEMENT, 1, NULL, 0 },
  { "sd", "TL-SD", "Teamleider Sociaal Domein", 11, FAMILY_TEAM_LEAD, 3, NULL, 0 },
  { "sd", "WMO-CONS", "Wmo-consulent", 9, FAMILY_CONSULTANT, 20, "hbo-sociaal", 90 },
  { "sd", "JEUGD-CONS", "Jeugdconsulent", 10, FAMILY_CONSULTANT, 12, "skj-registratie", 85 },
  { "sd", "ADM-SD", "Administratief medewerker sociaal domein", 6, FAMILY_ADMINISTRATION, 12, NULL, 0 },
  { "sd", "CTR-SD", "Contractbeheerder zorg", 9, FAMILY_CONTRACT, 4, NULL, 0 },
  { "sd", "BELEID-SD", "Beleidsadviseur sociaal domein", 11, FAMILY_POLICY_SOCIAL, 8, "wo-master", 60 },
  { "sd", "SR-BELEID-SD", "Senior beleidsadviseur sociaal domein", 12, FAMILY_POLICY_SOCIAL, 3, "wo-master", 80 },

  { "samendoen", "SD-COORD", "Coördinator Samen Doen", 10, FAMILY_TEAM_LEAD, 1, "hbo-sociaal", 100 },
  { "samendoen", "SD-MW", "Medewerker Samen Doen", 8, FAMILY_CONSULTANT, 18, "hbo-sociaal", 85 },

  { "wi", "MGR-WI", "Afdelingsmanager Werk & Inkomen", 13, FAMILY_MANAGEMENT, 1, NULL, 0 },
  { "wi", "TL-WI", "Teamleider Werk & Inkomen", 11, FAMILY_TEAM_LEAD, 2, NULL, 0 },
  { "wi", "IC", "Inkomensconsulent", 8, FAMILY_CONSULTANT, 15, NULL, 0 },
  { "wi", "WC", "Werkconsulent", 9, FAMILY_CONSULTANT, 11, "hbo-sociaal", 70 },
  { "wi", "SHV", "Schuldhulpverlener", 8, FAMILY_CONSULTANT, 5, "hbo-sociaal", 60 },
  { "wi", "HH-WI", "Handhaver werk en inkomen", 9, FAMILY_ENFORCEMENT, 3, "boa-certificaat", 70 },
  { "wi", "ADM-WI", "Administratief medewerker werk en inkomen", 6, FAMILY_ADMINISTRATION, 7, NULL, 0 },
  { "wi", "BELEID-WI", "Beleidsadviseur werk en inkomen", 11, FAMILY_POLICY_SOCIAL, 3, "wo-master", 50 },

  { "or", "MGR-OR", "Afdelingsmanager Openbare Ruimte", 13, FAMILY_MANAGEMENT, 1, NULL, 0 },
  { "or", "TL-OR", "Teamleider openbare ruimte", 11, FAMILY_TEAM_LEAD, 3, NULL, 0 },
  { "or", "BELEID-OR", "Beleidsadviseur openbare ruimte", 11, FAMILY_POLICY_PHYSICAL, 4, "wo-master", 40 },
  { "or", "BEH-OR", "Beheerder openbare ruimte", 10, FAMILY_ENGINEERING, 8, "hbo-techniek", 70 },
  { "or", "CIV-OR", "Civieltechnisch medewerker", 9, FAMILY_ENGINEERING, 6, "hbo-techniek", 60 },
  { "or", "OPZ-OR", "Opzichter openbare ruimte", 8, FAMILY_ENGINEERING, 7, "vca", 80 },
  { "or", "VOORM-OR", "Voorman buitendienst", 7, FAMILY_FIELD_SERVICE, 8, "vca", 100 },
  { "or", "BUI-MW", "Medewerker buitendienst", 5, FAMILY_FIELD_SERVICE, 44, "vca", 80 },
  { "or", "MACH-OR", "Machinist-chauffeur", 6, FAMILY_FIELD_SERVICE, 6, "rijbewijs-ce", 100 },
  { "or", "BOA-OR", "Buitengewoon opsporingsambtenaar", 7, FAMILY_ENFORCEMENT, 5, "boa-certificaat", 100 },
  { "or", "ADM-OR", "Administratief medewerker openbare ruimte", 6, FAMILY_ADMINISTRATION, 5, NULL, 0 },

  { "ro", "MGR-RO", "Afdelingsmanager Ruimtelijke Ontwikkeling", 13, FAMILY_MANAGEMENT, 1, NULL, 0 },
  { "ro", "TL-RO", "Teamleider ruimtelijke ontwikkeling", 11, FAMILY_TEAM_LEAD, 2, NULL, 0 },
  { "ro", "BELEID-RO", "Beleidsadviseur ruimtelijke ordening", 11, FAMILY_POLICY_PHYSICAL, 6, "wo-master", 60 },
  { "ro", "ECON", "Beleidsadviseur economie en toerisme", 11, FAMILY_POLICY_PHYSICAL, 3, "wo-master", 50 },
  { "ro", "PL-RO", "Projectleider ruimtelijke projecten", 11, FAMILY_PROJECT, 4, "prince2", 50 },
  { "ro", "GRONDZ", "Adviseur grondzaken", 10, FAMILY_PROJECT, 3, NULL, 0 },
  { "ro", "VERG", "Vergunningverlener", 9, FAMILY_PERMITS, 10, NULL, 0 },
  { "ro", "TOEZ", "Toezichthouder bouw en milieu", 8, FAMILY_PERMITS, 6, "boa-certificaat", 30 },
  { "ro", "MILIEU", "Adviseur milieu", 10, FAMILY_PERMITS, 3, NULL, 0 },
  { "ro", "ADM-RO", "Administratief medewerker ruimte", 6, FAMILY_ADMINISTRATION, 3, NULL, 0 },

  { "fin", "MGR-BV", "Afdelingsmanager Bedrijfsvoering", 13, FAMILY_MANAGEMENT, 1, NULL, 0 },
  { "fin", "TL-FIN", "Teamleider financiën", 11, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "fin", "CONC-CTRL", "Concerncontroller", 12, FAMILY_FINANCE, 1, "register-controller", 100 },
  { "fin", "CTRL", "Controller", 11, FAMILY_FINANCE, 3, "register-controller", 60 },
  { "fin", "FIN-ADV", "Financieel adviseur", 10, FAMILY_FINANCE, 5, NULL, 0 },
  { "fin", "FIN-MW", "Financieel medewerker", 7, FAMILY_FINANCE, 10, NULL, 0 },
  { "fin", "INK-ADV", "Inkoopadviseur", 10, FAMILY_FINANCE, 2, "nevi-inkoop", 50 },

  { "verz", "VERZ-ADV", "Adviseur verzekeringen", 9, FAMILY_FINANCE, 1, NULL, 0 },
  { "verz", "VERZ-MW", "Medewerker verzekeringen en schades", 7, FAMILY_FINANCE, 2, NULL, 0 },

  { "pno", "TL-PNO", "Teamleider personeel en organisatie", 11, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "pno", "HR-ADV", "HR-adviseur", 10, FAMILY_HR, 6, NULL, 0 },
  { "pno", "HR-MW", "HR-medewerker", 7, FAMILY_HR, 5, NULL, 0 },

  { "sal", "SAL-SR", "Senior salarisadministrateur", 8, FAMILY_PAYROLL, 1, NULL, 0 },
  { "sal", "SAL-MW", "Salarisadministrateur", 7, FAMILY_PAYROLL, 4, NULL, 0 },

  { "ict", "TL-ICT", "Teamleider ICT", 11, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "ict", "ICT-ARCH", "Informatiearchitect", 11, FAMILY_ICT, 2, NULL, 0 },
  { "ict", "ISO", "Adviseur informatiebeveiliging en privacy", 11, FAMILY_ICT, 1, "avg-certificaat", 100 },
  { "ict", "ICT-BEH", "Systeembeheerder", 9, FAMILY_ICT, 9, NULL, 0 },
  { "ict", "FB", "Functioneel beheerder", 9, FAMILY_ICT, 7, NULL, 0 },
  { "ict", "ICT-SD", "Medewerker servicedesk", 6, FAMILY_ICT, 5, NULL, 0 },

  { "fz", "TL-FZ", "Teamleider facilitaire zaken", 9, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "fz", "FZ-MW", "Medewerker facilitaire zaken", 6, FAMILY_FACILITIES, 5, NULL, 0 },
  { "fz", "HUISM", "Huismeester", 6, FAMILY_FACILITIES, 3, "bhv", 100 },
  { "fz", "RECEP", "Receptionist-telefonist", 4, FAMILY_FACILITIES, 5, "bhv", 50 },
  { "fz", "BODE", "Bode", 4, FAMILY_FACILITIES, 5, NULL, 0 },

  { "gb", "TL-GB", "Coördinator gegevensbeheer", 10, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "gb", "GB-ADV", "Adviseur gegevensmanagement", 10, FAMILY_DATA, 2, NULL, 0 },
  { "gb", "GEO", "Geo-informatiespecialist", 9, FAMILY_DATA, 3, NULL, 0 },
  { "gb", "GB-MW", "Medewerker gegevensbeheer (BAG, BRP, WOZ)", 7, FAMILY_DATA, 8, NULL, 0 },

  { "div", "TL-DIV", "Coördinator DIV", 9, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "div", "ARCHIVARIS", "Adviseur archief en informatiebeheer", 10, FAMILY_RECORDS, 1, NULL, 0 },
  { "div", "ARCH-MW", "Archiefmedewerker", 7, FAMILY_RECORDS, 4, NULL, 0 },
  { "div", "POST-MW", "Medewerker post en DIV", 5, FAMILY_RECORDS, 8, NULL, 0 },

  { "bel", "TL-BEL", "Teamleider belastingen", 10, FAMILY_TEAM_LEAD, 1, NULL, 0 },
  { "bel", "TAX-ADV", "Adviseur belastingen", 10, FAMILY_TAXES, 2, NULL, 0 },
  { "bel", "WOZ", "Taxateur WOZ", 9, FAMILY_TAXES, 4, "taxateur-wonen", 90 },
  { "bel", "TAX-MW", "Medewerker heffingen en invordering", 7, FAMILY_TAXES, 10, NULL, 0 },

  { "bo", "DIR-BOH", "Directeur bestuursdienst", 14, FAMILY_MANAGEMENT, 2, NULL, 0 },
  { "bo", "BESTADV", "Bestuursadviseur", 11, FAMILY_GOVERNANCE, 4, "wo-master", 70 },
  { "bo", "GRIF-MW", "Griffiemedewerker", 8, FAMILY_GOVERNANCE, 2, NULL, 0 },
  { "bo", "MAN-ASS", "Managementassistent", 7, FAMILY_SECRETARIAT, 10, NULL, 0 },
  { "bo", "COMM-ADV", "Communicatieadviseur", 10, FAMILY_COMMUNICATION, 5, NULL, 0 },
  { "bo", "COMM-MW", "Communicatiemedewerker", 8, FAMILY_COMMUNICATION, 3, NULL, 0 },
  { "bo", "JUR-ADV", "Juridisch adviseur", 11, FAMILY_LEGAL, 5, "juridisch-master", 95 },
  { "bo", "JUR-MW", "Juridisch medewerker bezwaar en beroep", 9, FAMILY_LEGAL, 3, "juridisch-master", 40 },
};
/* clang-format on */

#define N_FUNCTIONS ((int32_t) G_N_ELEMENTS (boh_functions))

/* ---- Ommen's roles ------------------------------------------------------ */

#define MAX_RELATED 7
#define MAX_ROLE_SEATS 5

typedef struct {
  const char *code;
  SmFit fit;
} BohRelation;

typedef struct {
  const char *id;
  const char *title;
  const char *unit_id;
  const char *code; /* Ommen's own, or a BOH code where the
                     * function stays the same */
  int32_t grade;
  double fte;
  int32_t min_seats; /* 0: the role may be left out */
  int32_t max_seats;
  int32_t appeal;                   /* how many people want it, relative */
  const char *qualification;        /* required, or NULL */
  gboolean by_committee;            /* ranked by the committee's score */
  BohRelation related[MAX_RELATED]; /* BOH functions that fit it */
} BohRole;

/* The roles of a directing municipality, one row each; the second line
 * lists the BOH functions that fit the role (S suitable, I
 * interchangeable, R reasonable). A role with a BOH code also fits that
 * function's family (family_fit). */
/* clang-format off */
#define S SM_FIT_SUITABLE
#define I SM_FIT_INTERCHANGEABLE
#define R SM_FIT_REASONABLE

static const BohRole ommen_roles[] = {
  { "om-gemeentesecretaris", "Gemeentesecretaris / algemeen directeur", "om-bestuur", "OM-GS", 14, 1.0, 1, 1, 3, NULL, TRUE,
    { { "DIR-BOH", S }, { "MGR-BV", R }, { "MGR-SD", R }, { "MGR-RO", R } } },
  { "om-griffier", "Griffier", "om-bestuur", "OM-GRIF", 12, 1.0, 1, 1, 2, "juridisch-master", FALSE,
    { { "GRIF-MW", S }, { "BESTADV", S }, { "JUR-ADV", R } } },
  { "om-griffiemedewerker", "Medewerker griffie", "om-bestuur", "GRIF-MW", 8, 0.8, 1, 1, 2, NULL, FALSE,
    { { "MAN-ASS", R }, { "JUR-MW", R } } },
  { "om-bestuursadviseur", "Bestuursadviseur", "om-bestuur", "BESTADV", 11, 1.0, 1, 2, 5, NULL, FALSE,
    { { "BELEID-SD", R }, { "BELEID-RO", R }, { "COMM-ADV", R }, { "JUR-ADV", R } } },
  { "om-communicatieadviseur", "Communicatieadviseur", "om-bestuur", "COMM-ADV", 10, 1.0, 1, 2, 5, NULL, FALSE,
    { { "BESTADV", R } } },
  { "om-managementassistent", "Managementassistent", "om-bestuur", "MAN-ASS", 7, 0.89, 2, 3, 5, NULL, FALSE,
    { { "GRIF-MW", S }, { "ADM-SD", R }, { "ADM-WI", R }, { "ADM-RO", R }, { "ADM-OR", R }, { "HR-MW", R } } },
  { "om-juridisch-adviseur", "Juridisch adviseur", "om-bestuur", "JUR-ADV", 11, 1.0, 1, 2, 3, "juridisch-master", FALSE,
    { { "VERG", R }, { "BESTADV", R } } },

  { "om-dir-sd", "Directeur sociaal domein", "om-regie", "OM-DIR-SD", 14, 1.0, 1, 1, 3, NULL, TRUE,
    { { "MGR-SD", S }, { "MGR-WI", S }, { "DIR-BOH", S }, { "TL-SD", S }, { "TL-WI", S }, { "SR-BELEID-SD", R } } },
  { "om-dir-fl", "Directeur fysieke leefomgeving", "om-regie", "OM-DIR-FL", 14, 1.0, 1, 1, 3, NULL, TRUE,
    { { "MGR-OR", S }, { "MGR-RO", S }, { "DIR-BOH", S }, { "TL-OR", S }, { "TL-RO", S }, { "BELEID-RO", R } } },
  { "om-dir-es", "Directeur economie en samenleving", "om-regie", "OM-DIR-ES", 14, 1.0, 0, 1, 2, NULL, TRUE,
    { { "MGR-RO", S }, { "MGR-PD", S }, { "DIR-BOH", S }, { "TL-RO", R }, { "ECON", R } } },
  { "om-beleid-sd", "Beleidsadviseur sociaal domein", "om-regie", "OM-BA-SD", 11, 1.0, 3, 5, 12, NULL, FALSE,
    { { "BELEID-SD", I }, { "SR-BELEID-SD", S }, { "BELEID-WI", S }, { "WMO-CONS", R }, { "JEUGD-CONS", R }, { "TL-SD", R } } },
  { "om-beleid-fl", "Beleidsadviseur fysieke leefomgeving", "om-regie", "OM-BA-FL", 11, 1.0, 3, 4, 10, NULL, FALSE,
    { { "BELEID-RO", I }, { "BELEID-OR", I }, { "BEH-OR", S }, { "MILIEU", S }, { "PL-RO", S }, { "CIV-OR", R } } },
  { "om-beleid-eco", "Beleidsadviseur economie, recreatie en toerisme", "om-regie", "OM-BA-ECO", 11, 1.0, 1, 2, 5, NULL, FALSE,
    { { "ECON", I }, { "BELEID-RO", S }, { "GRONDZ", R } } },
  { "om-beleidsmedewerker", "Beleidsmedewerker", "om-regie", "OM-BMW", 9, 1.0, 2, 3, 6, NULL, FALSE,
    { { "WMO-CONS", S }, { "WC", S }, { "VERG", S }, { "JUR-MW", S }, { "ADM-SD", R }, { "BELEID-SD", R } } },
  { "om-cm-sd", "Contractmanager sociaal domein", "om-regie", "OM-CM-SD", 11, 1.0, 2, 3, 10, NULL, FALSE,
    { { "CTR-SD", S }, { "BELEID-SD", S }, { "TL-SD", S }, { "WMO-CONS", R }, { "JEUGD-CONS", R }, { "INK-ADV", R } } },
  { "om-cm-fl", "Contractmanager fysiek domein", "om-regie", "OM-CM-FL", 11, 1.0, 2, 3, 8, NULL, FALSE,
    { { "BEH-OR", S }, { "TL-OR", S }, { "BELEID-OR", S }, { "CIV-OR", R }, { "OPZ-OR", R } } },
  { "om-am-bedrijven", "Accountmanager bedrijven", "om-regie", "OM-AM", 10, 1.0, 1, 2, 5, NULL, FALSE,
    { { "ECON", S }, { "GRONDZ", S }, { "PL-RO", R }, { "WC", R } } },
  { "om-am-partners", "Accountmanager maatschappelijke partners", "om-regie", "OM-AM-MP", 10, 1.0, 1, 2, 4, NULL, FALSE,
    { { "SD-COORD", S }, { "SD-MW", R }, { "WC", R }, { "BELEID-SD", R } } },
  { "om-gebiedsregisseur", "Gebiedsregisseur", "om-regie", "OM-GR", 10, 1.0, 1, 2, 4, NULL, FALSE,
    { { "SD-COORD", S }, { "BEH-OR", S }, { "BELEID-OR", R }, { "SD-MW", R }, { "OPZ-OR", R } } },
  { "om-projectleider", "Projectleider ruimtelijke projecten", "om-regie", "OM-PL", 11, 1.0, 1, 2, 4, NULL, FALSE,
    { { "PL-RO", I }, { "GRONDZ", S }, { "CIV-OR", R }, { "BEH-OR", R } } },
  { "om-inkoopadviseur", "Inkoopadviseur", "om-regie", "OM-INK", 10, 1.0, 1, 1, 2, NULL, FALSE,
    { { "INK-ADV", I }, { "FIN-ADV", R }, { "CTR-SD", R } } },

  { "om-dir-bv", "Directeur bedrijfsvoering", "om-bv", "OM-DIR-BV", 14, 1.0, 1, 1, 2, NULL, TRUE,
    { { "MGR-BV", S }, { "DIR-BOH", S }, { "TL-FIN", S }, { "TL-ICT", S }, { "TL-PNO", S }, { "CONC-CTRL", R } } },
  { "om-concerncontroller", "Concerncontroller", "om-bv", "OM-CC", 13, 1.0, 1, 1, 2, "register-controller", FALSE,
    { { "CONC-CTRL", S }, { "CTRL", S }, { "MGR-BV", R } } },
  { "om-controller", "Controller", "om-bv", "OM-CTRL", 11, 1.0, 1, 2, 3, NULL, FALSE,
    { { "CTRL", I }, { "FIN-ADV", S }, { "CONC-CTRL", S } } },
  { "om-financieel-adviseur", "Financieel adviseur", "om-bv", "OM-FA", 10, 1.0, 2, 3, 4, NULL, FALSE,
    { { "FIN-ADV", I }, { "CTRL", S }, { "FIN-MW", R }, { "TAX-ADV", R }, { "VERZ-ADV", R } } },
  { "om-cm-bv", "Contractmanager bedrijfsvoering", "om-bv", "OM-CM-BV", 11, 1.0, 1, 2, 6, NULL, FALSE,
    { { "INK-ADV", S }, { "TL-ICT", S }, { "ICT-ARCH", R }, { "TL-FZ", R }, { "TAX-ADV", R }, { "FIN-ADV", R } } },
  { "om-hr-adviseur", "HR-adviseur", "om-bv", "OM-HR", 10, 1.0, 1, 2, 3, NULL, FALSE,
    { { "HR-ADV", I }, { "TL-PNO", S }, { "HR-MW", R } } },
  { "om-informatiemanager", "Informatiemanager", "om-bv", "OM-IM", 12, 1.0, 1, 1, 3, NULL, FALSE,
    { { "ICT-ARCH", S }, { "TL-ICT", S }, { "GB-ADV", R }, { "ISO", R }, { "ARCHIVARIS", R } } },
  { "om-fg", "Functionaris gegevensbescherming", "om-bv", "OM-FG", 11, 1.0, 1, 1, 2, "avg-certificaat", FALSE,
    { { "ISO", I }, { "JUR-ADV", R }, { "GB-ADV", R } } },
};

#undef S
#undef I
#undef R
/* clang-format on */

#define N_ROLES ((int32_t) G_N_ELEMENTS (ommen_roles))

/* ---- people ------------------------------------------------------------- */

static const char *const first_names[] = {
  "Jan",     "Gerrit",  "Hendrik",   "Johan",   "Henk",     "Wim",
  "Bert",    "Harm",    "Jeroen",    "Erik",    "Marco",    "Martin",
  "Peter",   "Richard", "Bas",       "Niels",   "Tim",      "Thijs",
  "Daan",    "Sander",  "Mark",      "Dennis",  "Rick",     "Arjan",
  "Gert",    "Jos",     "Ruud",      "Frank",   "Michiel",  "Wouter",
  "Jelle",   "Rutger",  "Koen",      "Joost",   "Stefan",   "Hans",
  "Kees",    "Dirk",    "Albert",    "Bram",    "Lars",     "Remco",
  "Vincent", "Jasper",  "Maarten",   "Gijs",    "Stijn",    "Maria",
  "Anna",    "Johanna", "Ingrid",    "Marieke", "Anja",     "Monique",
  "Petra",   "Sandra",  "Linda",     "Marloes", "Esther",   "Ilse",
  "Femke",   "Lotte",   "Sanne",     "Laura",   "Anouk",    "Kim",
  "Manon",   "Miranda", "Jolanda",   "Gerda",   "Janet",    "Karin",
  "Tineke",  "Riet",    "Willemien", "Hilde",   "Annemiek", "Marjolein",
  "Saskia",  "Nicole",  "Astrid",    "Bianca",  "Evelien",  "Iris",
  "Eline",   "Roos",    "Lisa",      "Fleur",   "Joyce",    "Wendy",
  "Yvonne",  "Mirjam",  "Renate",    "Carla",   "Ellen",    "Hanneke",
};

typedef struct {
  const char *prefix; /* tussenvoegsel, or NULL */
  const char *name;
} BohSurname;

static const BohSurname surnames[] = {
  { "de", "Jong" },        { NULL, "Jansen" },       { "de", "Vries" },
  { "van den", "Berg" },   { "van", "Dijk" },        { NULL, "Bakker" },
  { NULL, "Janssen" },     { NULL, "Visser" },       { NULL, "Smit" },
  { NULL, "Meijer" },      { "de", "Boer" },         { NULL, "Mulder" },
  { "de", "Groot" },       { NULL, "Bos" },          { NULL, "Vos" },
  { NULL, "Peters" },      { NULL, "Hendriks" },     { "van", "Leeuwen" },
  { NULL, "Dekker" },      { NULL, "Brouwer" },      { "de", "Wit" },
  { NULL, "Dijkstra" },    { NULL, "Smits" },        { "de", "Graaf" },
  { "van der", "Meer" },   { "van der", "Linden" },  { NULL, "Kok" },
  { NULL, "Jacobs" },      { "de", "Haan" },         { NULL, "Vermeulen" },
  { "van den", "Heuvel" }, { "van der", "Veen" },    { "van den", "Broek" },
  { "de", "Bruijn" },      { "van der", "Heijden" }, { NULL, "Schouten" },
  { "van", "Beek" },       { NULL, "Willems" },      { "van", "Vliet" },
  { "van de", "Ven" },     { NULL, "Hoekstra" },     { NULL, "Maas" },
  { NULL, "Verhoeven" },   { NULL, "Koster" },       { "van", "Dam" },
  { "van der", "Wal" },    { NULL, "Prins" },        { NULL, "Blom" },
  { NULL, "Huisman" },     { "de", "Jonge" },        { NULL, "Kuipers" },
  { "van", "Veen" },       { NULL, "Post" },         { NULL, "Kuiper" },
  { NULL, "Veenstra" },    { NULL, "Kramer" },       { "van den", "Brink" },
  { NULL, "Scholten" },    { "van", "Wijk" },        { NULL, "Postma" },
  { NULL, "Vink" },        { "de", "Ruiter" },       { NULL, "Groen" },
  { NULL, "Gerritsen" },   { NULL, "Jonker" },       { "van", "Loon" },
  { "van der", "Velde" },  { NULL, "Willemsen" },    { "de", "Lange" },
  { NULL, "Bosch" },       { NULL, "Schipper" },     { "de", "Koning" },
  { "van der", "Laan" },   { NULL, "Evers" },        { "van den", "Bosch" },
  { "van der", "Meulen" }, { NULL, "Hofman" },       { NULL, "Bosman" },
  { NULL, "Wolters" },     { NULL, "Mol" },          { NULL, "Molenaar" },
  { "van de", "Pol" },     { "de", "Leeuw" },        { NULL, "Verbeek" },
  { NULL, "Nijboer" },     { NULL, "Kamphuis" },     { NULL, "Schuurman" },
  { NULL, "Lubbers" },     { NULL, "Brinkman" },     { "ter", "Horst" },
  { "ten", "Hove" },       { NULL, "Hulsman" },      { NULL, "Slot" },
  { NULL, "Wessels" },     { NULL, "Kroeze" },       { NULL, "Oosterhof" },
  { "in 't", "Veld" },     { NULL, "Dommerholt" },   { NULL, "Reinders" },
  { NULL, "Zwiers" },
};

/* Contracted hours as full-time equivalent (1.0 = 36 hours), with their
 * relative frequency. */
static const double fte_values[] = { 1.0, 0.89, 0.8, 0.6, 0.5 };
static const uint64_t fte_weights[] = { 50, 22, 12, 9, 7 };

/* A person's grade against their function's: one lower, the same, one
 * higher (a personal grade kept from an earlier job). */
static const int32_t grade_steps[] = { -1, 0, 1 };
static const uint64_t grade_step_weights[] = { 15, 70, 15 };

/* Ages on the reference date: a public body is older than the workforce
 * at large. */
typedef struct {
  int32_t lo, hi;
} BohBand;

static const BohBand age_bands[] = {
  { 22, 29 }, { 30, 39 }, { 40, 49 }, { 50, 59 }, { 60, 64 },
};
static const uint64_t age_band_weights[] = { 10, 20, 26, 33, 11 };

/* Home to Ommen's town hall: Ommen itself, the Hardenberg area, further
 * away. */
static const BohBand travel_bands[] = { { 1, 8 }, { 18, 32 }, { 8, 60 } };
static const uint64_t travel_band_weights[] = { 30, 45, 25 };

/* How many Ommen positions an applicant lists: 1, 2 or 3. */
#define MAX_CHOICES 3
static const uint64_t n_choices_weights[MAX_CHOICES] = { 40, 35, 25 };

/* How much a fit draws an applicant (SAME .. NONE). */
static const uint64_t fit_appeal[] = { 40, 40, 20, 6, 1 };

/* ---- the case under construction ---------------------------------------- */

typedef struct {
  int32_t function; /* index into boh_functions */
  int32_t grade;
  double fte;
  SmDate birth;
  SmDate start;
  int32_t travel_km;
  int32_t n_choices;
  int32_t choices[MAX_CHOICES];  /* indices into ommen_roles, best first */
  int32_t scores[MAX_CHOICES];   /* committee score in tenths, or 0 */
  const char *qualifications[2]; /* NULL-terminated */
  char id[8];
  char name[48];
} BohPerson;

typedef struct {
  int32_t seats[N_ROLES];    /* 0: the role is left out */
  gboolean shunned[N_ROLES]; /* nobody applies */
  SmFit fit[N_FUNCTIONS][N_ROLES];
  int32_t counts[N_FUNCTIONS];    /* employees per function */
  int32_t formation[N_FUNCTIONS]; /* Hardenberg's seats per function */
  BohPerson *people;
  int32_t n_people;
} BohCase;

static int32_t
find_function (const char *code)
{
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    if (strcmp (boh_functions[f].code, code) == 0)
      return f;
  return -1;
}

/* Within a family: the same grade is interchangeable, one apart suitable,
 * two apart reasonable. */
static SmFit
family_fit (const BohFunction *a, const BohFunction *b)
{
  if (a == b)
    return SM_FIT_SAME;
  if (a->family != b->family)
    return SM_FIT_NONE;
  switch (ABS (a->grade - b->grade))
    {
    case 0:
      return SM_FIT_INTERCHANGEABLE;
    case 1:
      return SM_FIT_SUITABLE;
    case 2:
      return SM_FIT_REASONABLE;
    default:
      return SM_FIT_NONE;
    }
}

/* The fit of BOH function @f to Ommen role @r, as the relations added to
 * the scenario say it. */
static SmFit
role_fit (int32_t f, int32_t r)
{
  const BohFunction *fn = &boh_functions[f];
  const BohRole *role = &ommen_roles[r];
  for (int32_t k = 0; k < MAX_RELATED && role->related[k].code != NULL; k++)
    if (strcmp (role->related[k].code, fn->code) == 0)
      return role->related[k].fit;
  int32_t same = find_function (role->code);
  return same < 0 ? SM_FIT_NONE : family_fit (fn, &boh_functions[same]);
}

static void
compute_fits (BohCase *c)
{
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    for (int32_t r = 0; r < N_ROLES; r++)
      c->fit[f][r] = role_fit (f, r);
}

/* Ommen's seats: every role at its minimum, then single seats added to
 * roles with room until the total reaches a target in the band. A few
 * unattractive roles draw nobody. */
static void
choose_seats (BohCase *c, BohRng *rng)
{
  int32_t total = 0;
  uint64_t weights[N_ROLES];
  for (int32_t r = 0; r < N_ROLES; r++)
    {
      c->seats[r] = ommen_roles[r].min_seats;
      total += c->seats[r];
    }
  int32_t target = rng_range (rng, OMMEN_MIN_HEADCOUNT, OMMEN_MAX_HEADCOUNT);
  for (; total < target; total++)
    {
      for (int32_t r = 0; r < N_ROLES; r++)
        weights[r] = (uint64_t) (ommen_roles[r].max_seats - c->seats[r]);
      int32_t r = rng_pick (rng, weights, N_ROLES);
      g_assert (r >= 0);
      c->seats[r]++;
    }
  for (int32_t r = 0; r < N_ROLES; r++)
    weights[r] = c->seats[r] > 0 && ommen_roles[r].appeal <= 2;
  for (int32_t n = rng_range (rng, 1, 3); n > 0; n--)
    {
      int32_t r = rng_pick (rng, weights, N_ROLES);
      g_assert (r >= 0);
      c->shunned[r] = TRUE;
      weights[r] = 0;
    }
}

/* Employees per function: the typical count give or take one, then single
 * people added or removed, in proportion to the typical counts, until the
 * total reaches a target in MIN_EMPLOYEES..MAX_EMPLOYEES. */
static void
choose_counts (BohCase *c, BohRng *rng)
{
  int32_t total = 0;
  uint64_t weights[N_FUNCTIONS];
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    {
      int32_t typical = boh_functions[f].count;
      c->counts[f] = typical >= 3 ? typical + rng_range (rng, -1, 1) : typical;
      total += c->counts[f];
    }
  int32_t target = rng_range (rng, MIN_EMPLOYEES, MAX_EMPLOYEES);
  while (total != target)
    {
      int32_t step = total < target ? 1 : -1;
      for (int32_t f = 0; f < N_FUNCTIONS; f++)
        {
          int32_t typical = boh_functions[f].count;
          gboolean may_shrink = c->counts[f] > 1 && 2 * c->counts[f] > typical;
          weights[f] = step > 0 || may_shrink ? (uint64_t) typical : 0;
        }
      int32_t f = rng_pick (rng, weights, N_FUNCTIONS);
      g_assert (f >= 0);
      c->counts[f] += step;
      total += step;
    }
}

static int32_t
days_in_month (int32_t year, int32_t month)
{
  static const int32_t days[12] = { 31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/* A birth date that makes the person @age on 1 January of the reference
 * year: any day of the year before but the first. */
static SmDate
pick_birth (BohRng *rng, int32_t age)
{
  SmDate d = { REFERENCE_YEAR - 1 - age, rng_range (rng, 1, 12), 1 };
  d.day = rng_range (rng, 1, days_in_month (d.year, d.month));
  if (d.month == 1 && d.day == 1)
    d.day = 2;
  return d;
}

/* A start of service from @first_year to the end of the year before the
 * reference date; most contracts start on the first of a month. */
static SmDate
pick_start (BohRng *rng, int32_t first_year)
{
  SmDate d = { rng_range (rng, first_year, REFERENCE_YEAR - 1),
               rng_range (rng, 1, 12), 1 };
  if (rng_below (rng, 10) >= 6)
    d.day = rng_range (rng, 1, 28);
  return d;
}

static int32_t
pick_in_band (BohRng *rng, const BohBand *bands, const uint64_t *weights,
              int32_t n_bands)
{
  const BohBand *band = &bands[rng_pick (rng, weights, n_bands)];
  return rng_range (rng, band->lo, band->hi);
}

static void
make_name (char *buf, size_t size, BohRng *rng)
{
  const char *first = first_names[rng_below (rng, G_N_ELEMENTS (first_names))];
  const BohSurname *sur = &surnames[rng_below (rng, G_N_ELEMENTS (surnames))];
  g_snprintf (buf, size, "%s %s%s%s", first,
              sur->prefix != NULL ? sur->prefix : "",
              sur->prefix != NULL ? " " : "", sur->name);
}

static void
make_person (BohPerson *p, int32_t f, BohRng *rng)
{
  const BohFunction *fn = &boh_functions[f];
  memset (p, 0, sizeof *p);
  p->function = f;
  int32_t step = rng_pick (rng, grade_step_weights, G_N_ELEMENTS (grade_steps));
  p->grade = fn->grade + grade_steps[step];
  p->fte = fte_values[rng_pick (rng, fte_weights, G_N_ELEMENTS (fte_values))];
  int32_t age = pick_in_band (rng, age_bands, age_band_weights,
                              G_N_ELEMENTS (age_bands));
  p->birth = pick_birth (rng, age);
  /* Starting in the year one turns 19 or later keeps everyone 18 or
   * older on their first day. */
  p->start = pick_start (rng, p->birth.year + 19);
  p->travel_km = pick_in_band (rng, travel_bands, travel_band_weights,
                               G_N_ELEMENTS (travel_bands));
  if (fn->qualification != NULL
      && (int32_t) rng_below (rng, 100) < fn->qualification_percent)
    p->qualifications[0] = fn->qualification;
  make_name (p->name, sizeof p->name, rng);
}

/* People are made function by function, then shuffled and numbered in
 * ascending personnel numbers with gaps, as an HR export lists them. */
static void
make_people (BohCase *c, BohRng *rng)
{
  c->n_people = 0;
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    c->n_people += c->counts[f];
  c->people = g_new0 (BohPerson, c->n_people);
  int32_t i = 0;
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    for (int32_t k = 0; k < c->counts[f]; k++)
      make_person (&c->people[i++], f, rng);
  for (i = c->n_people - 1; i > 0; i--)
    {
      int32_t j = (int32_t) rng_below (rng, (uint64_t) i + 1);
      BohPerson tmp = c->people[i];
      c->people[i] = c->people[j];
      c->people[j] = tmp;
    }
  int32_t number = rng_range (rng, 10001, 10400);
  for (i = 0; i < c->n_people; i++)
    {
      g_snprintf (c->people[i].id, sizeof c->people[i].id, "P%05d", number);
      number += rng_range (rng, 1, 30);
    }
}

/* How much @p is drawn to role @r: its appeal, the fit of their function
 * and the grade step. Far off their grade they apply only where their
 * function fits. */
static uint64_t
choice_weight (const BohCase *c, const BohPerson *p, int32_t r)
{
  const BohRole *role = &ommen_roles[r];
  if (c->seats[r] == 0 || c->shunned[r])
    return 0;
  SmFit fit = c->fit[p->function][r];
  int32_t step = role->grade - p->grade;
  uint64_t by_grade;
  if (step >= -1 && step <= 2)
    by_grade = 4;
  else if (step >= -3 && step <= 4)
    by_grade = 1;
  else
    by_grade = fit <= SM_FIT_SUITABLE ? 1 : 0;
  return (uint64_t) role->appeal * fit_appeal[fit] * by_grade;
}

/* The committee's score in tenths (4.5 to 9.5): better for a better fit. */
static int32_t
committee_score (BohRng *rng, SmFit fit)
{
  static const int32_t bonus[] = { 15, 15, 10, 5, 0 };
  return rng_range (rng, 45, 80) + bonus[fit];
}

/* Fills @weights with @p's weight for every role; returns how many roles
 * are open to them, and in @n_related_out how many of those fit their
 * function. */
static int32_t
open_roles (const BohCase *c, const BohPerson *p, uint64_t *weights,
            int32_t *n_related_out)
{
  int32_t n_open = 0, n_related = 0;
  for (int32_t r = 0; r < N_ROLES; r++)
    {
      weights[r] = choice_weight (c, p, r);
      n_open += weights[r] > 0;
      n_related += weights[r] > 0 && c->fit[p->function][r] != SM_FIT_NONE;
    }
  *n_related_out = n_related;
  return n_open;
}

/* One to three roles, most wanted first. Beyond the roles that fit their
 * work, one in three lists a long shot; who has no such role applies to
 * one role only. */
static void
choose_roles (BohCase *c, BohPerson *p, BohRng *rng)
{
  uint64_t weights[N_ROLES];
  int32_t n_related;
  open_roles (c, p, weights, &n_related);
  int32_t want = 1 + rng_pick (rng, n_choices_weights, MAX_CHOICES);
  int32_t long_shot = rng_below (rng, 3) == 0;
  int32_t reach = MAX (1, n_related + long_shot);
  want = MIN (want, reach);
  g_assert (want <= MAX_CHOICES);
  for (p->n_choices = 0; p->n_choices < want; p->n_choices++)
    {
      int32_t r = rng_pick (rng, weights, N_ROLES);
      if (r < 0)
        break;
      weights[r] = 0;
      p->choices[p->n_choices] = r;
      p->scores[p->n_choices] = ommen_roles[r].by_committee
                                    ? committee_score (rng,
                                                       c->fit[p->function][r])
                                    : 0;
    }
}

/* Between 22 and 28 percent of the staff apply, drawn in proportion to
 * how readily their family moves, and more readily when a role fits their
 * work; each lists one to three roles. */
static void
make_applications (BohCase *c, BohRng *rng)
{
  int32_t target = c->n_people * rng_range (rng, 22, 28) / 100;
  uint64_t *weights = g_new0 (uint64_t, c->n_people);
  for (int32_t i = 0; i < c->n_people; i++)
    {
      const BohPerson *p = &c->people[i];
      uint64_t role_weights[N_ROLES];
      int32_t n_related;
      if (open_roles (c, p, role_weights, &n_related) > 0)
        weights[i] = family_mobility[boh_functions[p->function].family]
                     * (n_related > 0 ? 4 : 1);
    }
  for (int32_t n = 0; n < target; n++)
    {
      int32_t i = rng_pick (rng, weights, c->n_people);
      if (i < 0)
        break;
      weights[i] = 0;
      choose_roles (c, &c->people[i], rng);
    }
  g_free (weights);
}

/* ---- Hardenberg's formation --------------------------------------------- */

static uint64_t
date_key (SmDate d)
{
  return (uint64_t) (d.year * 10000 + d.month * 100 + d.day);
}

/* The priority of applicant @i at their @k-th role, smaller first, as the
 * scenario's rules rank: committee score, fit, service for the committee
 * rule; fit, same grade, service for the default rule; then the person
 * (a stand-in for the lottery). */
static uint64_t
priority_key (const BohCase *c, int32_t i, int32_t k)
{
  const BohPerson *p = &c->people[i];
  int32_t r = p->choices[k];
  uint64_t fit = (uint64_t) c->fit[p->function][r];
  uint64_t start = date_key (p->start);
  if (ommen_roles[r].by_committee)
    return ((uint64_t) (100 - p->scores[k]) << 48) | (fit << 44) | (start << 16)
           | (uint64_t) i;
  uint64_t other_grade = p->grade != ommen_roles[r].grade;
  return (fit << 48) | (other_grade << 44) | (start << 16) | (uint64_t) i;
}

typedef struct {
  int32_t n;
  int32_t who[MAX_ROLE_SEATS];
  uint64_t key[MAX_ROLE_SEATS];
} BohHeld;

/* Offers applicant @i (with @key) to a role; returns who is turned away:
 * @i, someone held before, or -1. */
static int32_t
hold (BohHeld *held, int32_t seats, int32_t i, uint64_t key)
{
  g_assert (seats <= MAX_ROLE_SEATS);
  if (held->n < seats)
    {
      held->who[held->n] = i;
      held->key[held->n++] = key;
      return -1;
    }
  int32_t worst = 0;
  for (int32_t s = 1; s < held->n; s++)
    if (held->key[s] > held->key[worst])
      worst = s;
  if (key > held->key[worst])
    return i;
  int32_t out = held->who[worst];
  held->who[worst] = i;
  held->key[worst] = key;
  return out;
}

/* Who is expected to leave for Ommen, per function: applicant-proposing
 * deferred acceptance over the generated applications. */
static void
estimate_leavers (const BohCase *c, int32_t *leavers)
{
  BohHeld held[N_ROLES];
  memset (held, 0, sizeof held);
  int32_t *next = g_new0 (int32_t, c->n_people);
  int32_t *stack = g_new (int32_t, c->n_people);
  int32_t top = 0;
  for (int32_t i = 0; i < c->n_people; i++)
    if (c->people[i].n_choices > 0)
      stack[top++] = i;
  while (top > 0)
    {
      int32_t i = stack[--top];
      const BohPerson *p = &c->people[i];
      if (next[i] >= p->n_choices)
        continue;
      int32_t k = next[i]++;
      int32_t r = p->choices[k];
      int32_t out = hold (&held[r], c->seats[r], i, priority_key (c, i, k));
      if (out >= 0)
        stack[top++] = out;
    }
  for (int32_t r = 0; r < N_ROLES; r++)
    for (int32_t s = 0; s < held[r].n; s++)
      leavers[c->people[held[r].who[s]].function]++;
  g_free (next);
  g_free (stack);
}

/* Each function keeps a seat for everyone expected to stay (at least
 * one), less a few cuts where the function is large enough to bear one. */
static void
choose_formation (BohCase *c, BohRng *rng)
{
  int32_t leavers[N_FUNCTIONS] = { 0 };
  uint64_t weights[N_FUNCTIONS];
  estimate_leavers (c, leavers);
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    c->formation[f] = MAX (1, c->counts[f] - leavers[f]);
  for (int32_t n = rng_range (rng, 3, 12); n > 0; n--)
    {
      for (int32_t f = 0; f < N_FUNCTIONS; f++)
        weights[f] = c->formation[f] >= 3 ? (uint64_t) c->counts[f] : 0;
      int32_t f = rng_pick (rng, weights, N_FUNCTIONS);
      if (f < 0)
        break;
      c->formation[f]--;
    }
}

static void
generate (BohCase *c, uint64_t seed)
{
  BohRng rng;
  compute_fits (c);
  rng_init (&rng, seed, STREAM_SEATS);
  choose_seats (c, &rng);
  rng_init (&rng, seed, STREAM_COUNTS);
  choose_counts (c, &rng);
  rng_init (&rng, seed, STREAM_PEOPLE);
  make_people (c, &rng);
  rng_init (&rng, seed, STREAM_APPLICATIONS);
  make_applications (c, &rng);
  rng_init (&rng, seed, STREAM_FORMATION);
  choose_formation (c, &rng);
}

/* ---- into the scenario -------------------------------------------------- */

static gboolean
add_organisations (SmScenario *scenario, GError **error)
{
  SmOrganisationSpec ommen = SM_ORGANISATION_SPEC_INIT;
  ommen.id = OMMEN_ID;
  ommen.name = "Gemeente Ommen";
  ommen.kind = SM_ORGANISATION_KIND_RECEIVING;
  ommen.min_headcount = OMMEN_MIN_HEADCOUNT;
  ommen.max_headcount = OMMEN_MAX_HEADCOUNT;
  SmOrganisationSpec hardenberg = SM_ORGANISATION_SPEC_INIT;
  hardenberg.id = HARDENBERG_ID;
  hardenberg.name = "Gemeente Hardenberg";
  hardenberg.kind = SM_ORGANISATION_KIND_DEFAULT;
  return sm_scenario_add_organisation (scenario, &ommen, error)
         && sm_scenario_add_organisation (scenario, &hardenberg, error);
}

static gboolean
add_units_of (SmScenario *scenario, const BohUnit *units, size_t n_units,
              const char *organisation_id, GError **error)
{
  for (size_t u = 0; u < n_units; u++)
    {
      SmUnitSpec spec = SM_UNIT_SPEC_INIT;
      spec.id = units[u].id;
      spec.name = units[u].name;
      spec.organisation_id = organisation_id;
      if (units[u].contract_end_year != 0)
        {
          spec.contract_client_id = OMMEN_ID;
          spec.contract_end_year = units[u].contract_end_year;
        }
      if (!sm_scenario_add_unit (scenario, &spec, error))
        return FALSE;
    }
  return TRUE;
}

const char *const boh_case_variant_names[] = { "exact-dates", "whole-years",
                                               NULL };

/* The default rule of the whole-years variant: fit, the same grade,
 * whole years of service on the reference date, then the lot (no age:
 * the social plans that count whole years leave the rest to the lot). */
static SmPriorityRule *
whole_years_rule (GError **error)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("default");
  if (!sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                       SM_DIRECTION_HIGHER_FIRST, error)
      || !sm_priority_rule_add_criterion (rule, SM_CRITERION_SAME_GRADE,
                                          SM_DIRECTION_HIGHER_FIRST, error)
      || !sm_priority_rule_add_criterion (rule, SM_CRITERION_SERVICE,
                                          SM_DIRECTION_HIGHER_FIRST, error)
      || !sm_priority_rule_set_granularity (rule, SM_CRITERION_SERVICE,
                                            SM_GRANULARITY_YEARS, error))
    return NULL;
  return g_steal_pointer (&rule);
}

/* The default rule first, so that it stays the default; then the
 * committee's rule for the director and secretary posts, which counts
 * service in whole years too in the whole-years variant. */
static gboolean
add_rules (SmScenario *scenario, BohCaseVariant variant, GError **error)
{
  gboolean whole = variant == BOH_CASE_WHOLE_YEARS;
  g_autoptr (SmPriorityRule) fallback = whole ? whole_years_rule (error)
                                              : sm_priority_rule_new_default ();
  g_autoptr (SmPriorityRule)
      committee = sm_priority_rule_new (COMMITTEE_RULE_ID);
  return fallback != NULL
         && sm_priority_rule_set_granularity (committee, SM_CRITERION_SERVICE,
                                              whole ? SM_GRANULARITY_YEARS
                                                    : SM_GRANULARITY_DAYS,
                                              error)
         && sm_priority_rule_add_criterion (committee,
                                            SM_CRITERION_COMMITTEE_SCORE,
                                            SM_DIRECTION_HIGHER_FIRST, error)
         && sm_priority_rule_add_criterion (committee, SM_CRITERION_FIT,
                                            SM_DIRECTION_HIGHER_FIRST, error)
         && sm_priority_rule_add_criterion (committee, SM_CRITERION_SERVICE,
                                            SM_DIRECTION_HIGHER_FIRST, error)
         && sm_scenario_add_rule (scenario, fallback, error)
         && sm_scenario_add_rule (scenario, committee, error)
         && sm_scenario_set_default_rule (scenario,
                                          sm_priority_rule_get_id (fallback),
                                          error);
}

static gboolean
add_ommen_positions (SmScenario *scenario, const BohCase *c, GError **error)
{
  for (int32_t r = 0; r < N_ROLES; r++)
    {
      const BohRole *role = &ommen_roles[r];
      if (c->seats[r] == 0)
        continue;
      const char *qualifications[] = { role->qualification, NULL };
      SmPositionSpec spec = SM_POSITION_SPEC_INIT;
      spec.id = role->id;
      spec.title = role->title;
      spec.unit_id = role->unit_id;
      spec.function_code = role->code;
      spec.grade = role->grade;
      spec.fte = role->fte;
      spec.seats = c->seats[r];
      spec.qualifications = qualifications;
      spec.rule_id = role->by_committee ? COMMITTEE_RULE_ID : NULL;
      if (!sm_scenario_add_position (scenario, &spec, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_hardenberg_positions (SmScenario *scenario, const BohCase *c,
                          GError **error)
{
  for (int32_t f = 0; f < N_FUNCTIONS; f++)
    {
      const BohFunction *fn = &boh_functions[f];
      g_autofree char *code = g_ascii_strdown (fn->code, -1);
      g_autofree char *id = g_strconcat ("hb-", code, NULL);
      SmPositionSpec spec = SM_POSITION_SPEC_INIT;
      spec.id = id;
      spec.title = fn->title;
      spec.unit_id = fn->unit_id;
      spec.function_code = fn->code;
      spec.grade = fn->grade;
      spec.fte = 1.0;
      spec.seats = c->formation[f];
      if (!sm_scenario_add_position (scenario, &spec, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_family_relations (SmScenario *scenario, GError **error)
{
  for (int32_t a = 0; a < N_FUNCTIONS; a++)
    for (int32_t b = 0; b < N_FUNCTIONS; b++)
      {
        SmFit fit = family_fit (&boh_functions[a], &boh_functions[b]);
        if (fit == SM_FIT_SAME || fit == SM_FIT_NONE)
          continue;
        if (!sm_scenario_add_function_relation (scenario, boh_functions[a].code,
                                                boh_functions[b].code, fit,
                                                error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
add_role_relations (SmScenario *scenario, const BohCase *c, GError **error)
{
  for (int32_t r = 0; r < N_ROLES; r++)
    {
      const BohRole *role = &ommen_roles[r];
      if (c->seats[r] == 0)
        continue;
      for (int32_t k = 0; k < MAX_RELATED && role->related[k].code != NULL; k++)
        if (!sm_scenario_add_function_relation (scenario, role->related[k].code,
                                                role->code,
                                                role->related[k].fit, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
add_employees (SmScenario *scenario, const BohCase *c, GError **error)
{
  for (int32_t i = 0; i < c->n_people; i++)
    {
      const BohPerson *p = &c->people[i];
      const BohFunction *fn = &boh_functions[p->function];
      SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
      spec.id = p->id;
      spec.name = p->name;
      spec.function_code = fn->code;
      spec.unit_id = fn->unit_id;
      spec.grade = p->grade;
      spec.fte = p->fte;
      spec.service_start = p->start;
      spec.birth_date = p->birth;
      spec.qualifications = p->qualifications;
      if (!sm_scenario_add_employee (scenario, &spec, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_applications (SmScenario *scenario, const BohCase *c, GError **error)
{
  for (int32_t i = 0; i < c->n_people; i++)
    {
      const BohPerson *p = &c->people[i];
      for (int32_t k = 0; k < p->n_choices; k++)
        {
          const BohRole *role = &ommen_roles[p->choices[k]];
          SmApplicationSpec spec = SM_APPLICATION_SPEC_INIT;
          spec.employee_id = p->id;
          spec.position_id = role->id;
          spec.preference = k + 1;
          if (role->by_committee)
            spec.committee_score = p->scores[k] / 10.0;
          spec.travel_km = p->travel_km;
          if (!sm_scenario_add_application (scenario, &spec, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
fill_scenario (SmScenario *scenario, const BohCase *c, BohCaseVariant variant,
               GError **error)
{
  return add_organisations (scenario, error)
         && add_units_of (scenario, ommen_units, G_N_ELEMENTS (ommen_units),
                          OMMEN_ID, error)
         && add_units_of (scenario, hardenberg_units,
                          G_N_ELEMENTS (hardenberg_units), HARDENBERG_ID, error)
         && add_rules (scenario, variant, error)
         && add_ommen_positions (scenario, c, error)
         && add_hardenberg_positions (scenario, c, error)
         && add_family_relations (scenario, error)
         && add_role_relations (scenario, c, error)
         && add_employees (scenario, c, error)
         && add_applications (scenario, c, error);
}

/* The letters of 2018: public law (a draft decision, then objection
 * under the Awb), placements from 1 January 2019, decided by the board of
 * the shared service, whose staff had to know by early October 2018. */
static gboolean
set_letter_settings (SmScenario *scenario, GError **error)
{
  SmLetterSettings letters = SM_LETTER_SETTINGS_INIT;
  letters.regime = SM_REGIME_PUBLIC_LAW;
  letters.effective_date = (SmDate){ 2019, 1, 1 };
  letters.letter_date = (SmDate){ 2018, 10, 1 };
  letters.employer = "Bestuursdienst Ommen-Hardenberg";
  letters.deciding_body = "het bestuur van de Bestuursdienst "
                          "Ommen-Hardenberg";
  letters.signatory = "de secretaris van het bestuur";
  letters.contact = "de HR-adviseur van uw afdeling";
  return sm_scenario_set_letter_settings (scenario, &letters, error);
}

SmScenario *
boh_case_new (uint64_t seed, GError **error)
{
  return boh_case_new_variant (seed, BOH_CASE_EXACT_DATES, error);
}

SmScenario *
boh_case_new_variant (uint64_t seed, BohCaseVariant variant, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (variant == BOH_CASE_EXACT_DATES
                            || variant == BOH_CASE_WHOLE_YEARS,
                        NULL);
  BohCase *c = g_new0 (BohCase, 1);
  generate (c, seed);
  g_autoptr (SmScenario) scenario = sm_scenario_new ();
  gboolean ok = fill_scenario (scenario, c, variant, error);
  g_free (c->people);
  g_free (c);
  if (!ok)
    return NULL;
  sm_scenario_set_seed (scenario, seed);
  sm_scenario_set_tie_breaking (scenario, SM_TIE_BREAKING_SINGLE);
  sm_scenario_set_reference_date (scenario, (SmDate){ REFERENCE_YEAR, 1, 1 });
  if (!set_letter_settings (scenario, error))
    return NULL;
  return g_steal_pointer (&scenario);
}
