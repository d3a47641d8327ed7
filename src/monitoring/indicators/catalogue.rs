//! The indicator catalogue: stable codes, names and definitions in German
//! and English, and for each source a numerator (and denominator) as a
//! query over the observations. Where two sources give the same indicator
//! (e.g. Bevölkerungsfortschreibung and Ausländerzentralregister), each is
//! its own variant and every point of a series names its source.

use crate::monitoring::store::observations::Cells;

/// Cells of one table summed per region and period.
pub struct Query {
    pub table: &'static str,
    /// Measure codes or names (classic tables name measures, flat files code them).
    pub measures: &'static [&'static str],
    /// Attributes every summed cell has: (classifier, attribute); a
    /// classifier of `""` matches any.
    pub dims: &'static [(&'static str, &'static str)],
    /// Cells with any of these attributes are left out (e.g. the total row
    /// of a breakdown).
    pub except: &'static [&'static str],
}

impl Query {
    /// The cells of one of the query's measures the database sends: those
    /// that name every attribute of `dims` (the classifiers are matched
    /// exactly afterwards).
    pub fn cells(&self, measure: &'static str) -> Cells<'static> {
        Cells {
            table: self.table,
            measure,
            labels: self.dims,
        }
    }
}

/// Which denominator period belongs to a numerator period.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PeriodRule {
    Same,
    /// Year t over 31.12. of year t−1 (naturalisation rate).
    PreviousYearEnd,
}

pub struct Variant {
    /// The source as the reader sees it beside each value.
    pub source: &'static str,
    pub numerator: Query,
    pub denominator: Option<Query>,
    /// 100 for a percentage of numerator over denominator.
    pub factor: f64,
    pub period_rule: PeriodRule,
    /// The classifier whose attributes are the categories of a breakdown.
    pub breakdown: Option<&'static str>,
    /// Regions without own figures get the sum of their children with
    /// keys of this length (5: Kreise, 8: Gemeinden).
    pub sum_children: Option<usize>,
}

pub struct Indicator {
    pub code: &'static str,
    pub name_de: &'static str,
    pub name_en: &'static str,
    pub definition_de: &'static str,
    pub definition_en: &'static str,
    pub unit: &'static str,
    /// Region levels with figures: germany, state, district_government,
    /// district, municipality.
    pub levels: &'static [&'static str],
    pub variants: &'static [Variant],
}

const ALL_ABOVE_MUNICIPALITY: &[&str] = &["germany", "state", "district_government", "district"];

const fn q(
    table: &'static str,
    measures: &'static [&'static str],
    dims: &'static [(&'static str, &'static str)],
) -> Query {
    Query {
        table,
        measures,
        dims,
        except: &[],
    }
}

const fn count(source: &'static str, numerator: Query, sum_children: Option<usize>) -> Variant {
    Variant {
        source,
        numerator,
        denominator: None,
        factor: 1.0,
        period_rule: PeriodRule::Same,
        breakdown: None,
        sum_children,
    }
}

const fn share(
    source: &'static str,
    numerator: Query,
    denominator: Query,
    sum_children: Option<usize>,
) -> Variant {
    Variant {
        source,
        numerator,
        denominator: Some(denominator),
        factor: 100.0,
        period_rule: PeriodRule::Same,
        breakdown: None,
        sum_children,
    }
}

const fn published(source: &'static str, numerator: Query) -> Variant {
    count(source, numerator, None)
}

const RDB: &str = "Regionaldatenbank Deutschland";
const AZR: &str = "Ausländerzentralregister (Destatis 12521-0043)";
const GV: &str = "Gemeindeverzeichnis (Destatis), Bevölkerung 31.12.2023";
const ZENSUS: &str = "Zensus 2022";
const INKAR: &str = "INKAR (BBSR)";
const BA: &str = "Statistik der Bundesagentur für Arbeit";

const POP_12411: Query = q(
    "12411-01-01-4",
    &["Bevölkerungsstand", "BEVSTD"],
    &[("", "Insgesamt")],
);
const FOREIGN_12411: Query = q(
    "12411-03-03-4",
    &["Bevölkerungsstand", "BEVSTD"],
    &[
        ("", "Ausländer(innen)"),
        ("Geschlecht", "Insgesamt"),
        ("Altersgruppen", "Insgesamt"),
    ],
);
const ALL_12411: Query = q(
    "12411-03-03-4",
    &["Bevölkerungsstand", "BEVSTD"],
    &[
        ("Nationalität", "Insgesamt"),
        ("Geschlecht", "Insgesamt"),
        ("Altersgruppen", "Insgesamt"),
    ],
);
const AZR_ALL: Query = q("12521-0043", &["BEV002"], &[]);
const GV_POP: Query = q("GV-ISys-31122024", &["BEVSTD"], &[]);
const ZENSUS_POP: Query = q("Zensus2022-Gemeinden", &["PRS018"], &[]);
const ZENSUS_FOREIGN: Query = q("Zensus2022-Gemeinden", &["AUSL"], &[]);
const NATURALISATIONS: Query = q(
    "12511-01-01-4",
    &["Einbürgerungen von Ausländern"],
    &[("", "Insgesamt")],
);
const UNEMPLOYED_FOREIGN: Query = q(
    "13211-02-05-4",
    &["Arbeitslose", "ERW025"],
    &[("", "Ausländer")],
);
const UNEMPLOYMENT_RATE_FOREIGN: Query = q(
    "13211-02-05-4",
    &["Arbeitslosenquote bez. auf alle zivile Erwerbsp.", "ERWP05"],
    &[("", "Ausländer")],
);

/// An INKAR county indicator: the published value itself.
const fn inkar(
    code: &'static str,
    name_de: &'static str,
    name_en: &'static str,
    definition_de: &'static str,
    definition_en: &'static str,
    variants: &'static [Variant],
) -> Indicator {
    Indicator {
        code,
        name_de,
        name_en,
        definition_de,
        definition_en,
        unit: "%",
        levels: &["district"],
        variants,
    }
}

pub const CATALOGUE: &[Indicator] = &[
    Indicator {
        code: "population",
        name_de: "Bevölkerung",
        name_en: "Population",
        definition_de: "Einwohnerinnen und Einwohner mit Hauptwohnsitz am Stichtag (Bevölkerungsfortschreibung bzw. Zensus).",
        definition_en: "Residents with their main residence on the reference date (population update or census).",
        unit: "Anzahl",
        levels: &[
            "germany",
            "state",
            "district_government",
            "district",
            "municipality",
        ],
        variants: &[
            count(GV, GV_POP, None),
            count(RDB, POP_12411, None),
            count(ZENSUS, ZENSUS_POP, Some(8)),
        ],
    },
    Indicator {
        code: "foreigners",
        name_de: "Ausländerinnen und Ausländer",
        name_en: "Foreign nationals",
        definition_de: "Personen ohne deutsche Staatsangehörigkeit. Bevölkerungsfortschreibung und Ausländerzentralregister zählen unterschiedlich; jede Quelle bildet eine eigene Reihe. Im Zensus 2022 aus dem Anteil abgeleitet.",
        definition_en: "Persons without German citizenship. The population update and the Central Register of Foreigners count differently; each source is its own series. Census 2022: derived from the published share.",
        unit: "Anzahl",
        levels: &[
            "germany",
            "state",
            "district_government",
            "district",
            "municipality",
        ],
        variants: &[
            count(RDB, FOREIGN_12411, None),
            count(AZR, AZR_ALL, Some(5)),
            count(ZENSUS, ZENSUS_FOREIGN, Some(8)),
        ],
    },
    Indicator {
        code: "foreigners_share",
        name_de: "Ausländeranteil",
        name_en: "Share of foreign nationals",
        definition_de: "Ausländerinnen und Ausländer je 100 Einwohnerinnen und Einwohner (Ausländer / Bevölkerung × 100).",
        definition_en: "Foreign nationals per 100 residents (foreign nationals / population × 100).",
        unit: "%",
        levels: &[
            "germany",
            "state",
            "district_government",
            "district",
            "municipality",
        ],
        variants: &[
            share(RDB, FOREIGN_12411, ALL_12411, None),
            published(INKAR, q("INKAR", &["a_ausl_bev"], &[])),
            share(ZENSUS, ZENSUS_FOREIGN, ZENSUS_POP, Some(8)),
        ],
    },
    Indicator {
        code: "residence_status",
        name_de: "Aufenthaltsstatus",
        name_en: "Residence status",
        definition_de: "Ausländerinnen und Ausländer nach ausgewählten Aufenthaltstiteln (dauerhaft, befristet, Duldung und Gestattung) laut Ausländerzentralregister.",
        definition_en: "Foreign nationals by selected residence title (permanent, temporary, toleration and permission to remain) in the Central Register of Foreigners.",
        unit: "Anzahl",
        levels: ALL_ABOVE_MUNICIPALITY,
        variants: &[Variant {
            source: AZR,
            numerator: AZR_ALL,
            denominator: None,
            factor: 1.0,
            period_rule: PeriodRule::Same,
            breakdown: Some("Ausgewählte Aufenthaltstitel"),
            sum_children: Some(5),
        }],
    },
    Indicator {
        code: "foreigners_age_groups",
        name_de: "Altersstruktur der Ausländerinnen und Ausländer",
        name_en: "Age structure of foreign nationals",
        definition_de: "Ausländerinnen und Ausländer nach 21 Altersgruppen am 31.12.",
        definition_en: "Foreign nationals by 21 age groups on 31 December.",
        unit: "Anzahl",
        levels: ALL_ABOVE_MUNICIPALITY,
        variants: &[Variant {
            source: RDB,
            numerator: Query {
                table: "12411-03-03-4",
                measures: &["Bevölkerungsstand", "BEVSTD"],
                dims: &[("", "Ausländer(innen)"), ("Geschlecht", "Insgesamt")],
                except: &["Insgesamt"],
            },
            denominator: None,
            factor: 1.0,
            period_rule: PeriodRule::Same,
            breakdown: Some("Altersgruppen"),
            sum_children: None,
        }],
    },
    Indicator {
        code: "naturalisations",
        name_de: "Einbürgerungen",
        name_en: "Naturalisations",
        definition_de: "Einbürgerungen von Ausländerinnen und Ausländern im Kalenderjahr.",
        definition_en: "Naturalisations of foreign nationals in the calendar year.",
        unit: "Anzahl",
        levels: ALL_ABOVE_MUNICIPALITY,
        variants: &[count(RDB, NATURALISATIONS, None)],
    },
    Indicator {
        code: "naturalisation_rate",
        name_de: "Einbürgerungsquote",
        name_en: "Naturalisation rate",
        definition_de: "Einbürgerungen im Jahr t je 100 Ausländerinnen und Ausländer am 31.12. des Jahres t−1 (IntMK B2).",
        definition_en: "Naturalisations in year t per 100 foreign nationals on 31 December of year t−1 (IntMK B2).",
        unit: "%",
        levels: ALL_ABOVE_MUNICIPALITY,
        variants: &[Variant {
            source: RDB,
            numerator: NATURALISATIONS,
            denominator: Some(FOREIGN_12411),
            factor: 100.0,
            period_rule: PeriodRule::PreviousYearEnd,
            breakdown: None,
            sum_children: None,
        }],
    },
    Indicator {
        code: "unemployed_foreigners",
        name_de: "Arbeitslose Ausländerinnen und Ausländer",
        name_en: "Unemployed foreign nationals",
        definition_de: "Bei der Bundesagentur für Arbeit registrierte arbeitslose Ausländerinnen und Ausländer, Jahresdurchschnitt.",
        definition_en: "Foreign nationals registered as unemployed with the Federal Employment Agency, annual average.",
        unit: "Anzahl",
        levels: ALL_ABOVE_MUNICIPALITY,
        variants: &[
            count(RDB, UNEMPLOYED_FOREIGN, None),
            count(
                BA,
                q(
                    "BA-Staatsangehoerigkeit",
                    &["Arbeitslose"],
                    &[
                        ("Staatsangehörigkeit", "Ausländer"),
                        ("Geschlecht", "Insgesamt"),
                    ],
                ),
                None,
            ),
        ],
    },
    Indicator {
        code: "unemployment_rate_foreigners",
        name_de: "Arbeitslosenquote der Ausländerinnen und Ausländer",
        name_en: "Unemployment rate of foreign nationals",
        definition_de: "Arbeitslose Ausländerinnen und Ausländer je 100 ausländische zivile Erwerbspersonen (Quote der Bundesagentur für Arbeit, IntMK E5).",
        definition_en: "Unemployed foreign nationals per 100 foreign civilian labour force (rate published by the Federal Employment Agency, IntMK E5).",
        unit: "%",
        levels: ALL_ABOVE_MUNICIPALITY,
        variants: &[published(RDB, UNEMPLOYMENT_RATE_FOREIGN)],
    },
    inkar(
        "unemployment_rate",
        "Arbeitslosenquote (alle)",
        "Unemployment rate (all)",
        "Arbeitslose je 100 zivile Erwerbspersonen (INKAR q_alo).",
        "Unemployed per 100 civilian labour force (INKAR q_alo).",
        &[published(INKAR, q("INKAR", &["q_alo"], &[]))],
    ),
    inkar(
        "youth_unemployment_rate",
        "Arbeitslosenquote unter 25 Jahre",
        "Youth unemployment rate",
        "Arbeitslose unter 25 Jahren je 100 zivile Erwerbspersonen dieses Alters (INKAR q_alo_u25).",
        "Unemployed under 25 per 100 civilian labour force of that age (INKAR q_alo_u25).",
        &[published(INKAR, q("INKAR", &["q_alo_u25"], &[]))],
    ),
    inkar(
        "school_leavers_without_degree",
        "Schulabgänger ohne Abschluss",
        "School leavers without qualification",
        "Anteil der Schulabgängerinnen und -abgänger ohne Hauptschulabschluss (INKAR a_schul_oA). Auf Kreisebene ohne Aufteilung nach Staatsangehörigkeit.",
        "Share of school leavers without a lower secondary qualification (INKAR a_schul_oA). No split by nationality at county level.",
        &[published(INKAR, q("INKAR", &["a_schul_oA"], &[]))],
    ),
    inkar(
        "school_leavers_abitur",
        "Schulabgänger mit Abitur",
        "School leavers with Abitur",
        "Anteil der Schulabgängerinnen und -abgänger mit allgemeiner Hochschulreife (INKAR a_schul_abi).",
        "Share of school leavers with the general university entrance qualification (INKAR a_schul_abi).",
        &[published(INKAR, q("INKAR", &["a_schul_abi"], &[]))],
    ),
    inkar(
        "childcare_under3",
        "Betreuungsquote unter 3 Jahre",
        "Childcare rate under 3",
        "Kinder unter 3 Jahren in Tagesbetreuung je 100 Kinder dieses Alters (INKAR).",
        "Children under 3 in day care per 100 children of that age (INKAR).",
        &[published(INKAR, q("INKAR", &["a_betr0003_bev0003"], &[]))],
    ),
    inkar(
        "childcare_3to6",
        "Betreuungsquote 3 bis 6 Jahre",
        "Childcare rate 3 to 6",
        "Kinder von 3 bis 6 Jahren in Tagesbetreuung je 100 Kinder dieses Alters (INKAR).",
        "Children aged 3 to 6 in day care per 100 children of that age (INKAR).",
        &[published(INKAR, q("INKAR", &["a_betr0306_bev0306"], &[]))],
    ),
];

/// The indicator with this code.
pub fn find(code: &str) -> Option<&'static Indicator> {
    CATALOGUE.iter().find(|i| i.code == code)
}

/// Every code, for messages about unknown ones.
pub fn codes() -> String {
    CATALOGUE
        .iter()
        .map(|i| i.code)
        .collect::<Vec<_>>()
        .join(", ")
}
