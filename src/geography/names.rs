//! Names and kinds from the municipality directory. Its names carry
//! designations (", St" for Stadt, ", M" for Markt, ", Landeshauptstadt",
//! "Reg.-Bez. …"); pages and the API show a clean name and state the kind
//! separately, so that the same rules apply to every region.

use super::model::{Kind, Level};

/// The directory's name without designations: everything from the first
/// comma on (", St", ", M", ", Landeshauptstadt", ", gemfr. Gebiet", …).
pub fn clean_name(raw: &str) -> String {
    raw.split(',').next().unwrap_or_default().trim().to_string()
}

/// Regierungsbezirk names carry what kind of unit they are as a prefix.
pub fn district_government(raw: &str) -> (String, Kind) {
    let (former, rest) = match raw.strip_prefix("früher:") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, raw),
    };
    let (name, kind) = if let Some(name) = rest.strip_prefix("Reg.-Bez. ") {
        let kind = if former {
            Kind::FormerGovernmentDistrict
        } else {
            Kind::GovernmentDistrict
        };
        (name, kind)
    } else if let Some(name) = rest.strip_prefix("Direktionsbezirk ") {
        let kind = if former {
            Kind::FormerDirectorateDistrict
        } else {
            Kind::GovernmentDistrict
        };
        (name, kind)
    } else if let Some(name) = rest.strip_prefix("Statistische Region ") {
        (name, Kind::StatisticalRegion)
    } else {
        (rest, Kind::GovernmentDistrict)
    };
    (clean_name(name), kind)
}

/// The kind of a Land (by key), Kreis (satzart 40) or Gemeinde (satzart 60,
/// by `textkennzeichen`); `None` for a code the directory does not define.
pub fn kind_of(level: Level, key: &str, text_code: &str) -> Option<Kind> {
    Some(match (level, text_code) {
        (Level::State, _) if matches!(key, "02" | "04" | "11") => Kind::CityState,
        (Level::State, _) => Kind::State,
        (Level::District, "41") | (Level::Municipality, "61") => Kind::IndependentCity,
        (Level::District, "42") | (Level::Municipality, "62") => Kind::CityDistrict,
        (Level::District, "43") => Kind::County,
        (Level::District, "44") => Kind::RuralCounty,
        (Level::District, "45") => Kind::RegionalAssociation,
        (Level::Municipality, "60") => Kind::MarketTown,
        (Level::Municipality, "63") => Kind::Town,
        (Level::Municipality, "64") => Kind::Municipality,
        (Level::Municipality, "65") => Kind::UnincorporatedInhabited,
        (Level::Municipality, "66") => Kind::UnincorporatedUninhabited,
        (Level::Municipality, "67") => Kind::MajorCountyTown,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_designations() {
        assert_eq!(clean_name("Bad Windsheim, St"), "Bad Windsheim");
        assert_eq!(clean_name("Markt Erlbach, M"), "Markt Erlbach");
        assert_eq!(clean_name("Flensburg, Stadt"), "Flensburg");
        assert_eq!(clean_name("Stuttgart, Stadtkreis"), "Stuttgart");
        assert_eq!(
            clean_name("Erkrath, Fundort des Neanderthalers, Stadt"),
            "Erkrath"
        );
        assert_eq!(
            clean_name("Sachsenwald (Forstgutsbez.),gemfr.Geb."),
            "Sachsenwald (Forstgutsbez.)"
        );
        assert_eq!(clean_name("Halle (Saale), Stadt"), "Halle (Saale)");
        assert_eq!(
            clean_name("Neustadt a.d.Aisch-Bad Windsheim"),
            "Neustadt a.d.Aisch-Bad Windsheim"
        );
    }

    #[test]
    fn district_government_prefixes_become_kinds() {
        assert_eq!(
            district_government("Mittelfranken"),
            ("Mittelfranken".into(), Kind::GovernmentDistrict)
        );
        assert_eq!(
            district_government("Reg.-Bez. Düsseldorf"),
            ("Düsseldorf".into(), Kind::GovernmentDistrict)
        );
        assert_eq!(
            district_government("früher: Reg.-Bez. Koblenz"),
            ("Koblenz".into(), Kind::FormerGovernmentDistrict)
        );
        assert_eq!(
            district_government("früher: Direktionsbezirk Chemnitz"),
            ("Chemnitz".into(), Kind::FormerDirectorateDistrict)
        );
        assert_eq!(
            district_government("Statistische Region Lüneburg"),
            ("Lüneburg".into(), Kind::StatisticalRegion)
        );
    }

    #[test]
    fn kinds_follow_the_text_code() {
        assert_eq!(kind_of(Level::State, "09", ""), Some(Kind::State));
        assert_eq!(kind_of(Level::State, "11", ""), Some(Kind::CityState));
        assert_eq!(
            kind_of(Level::District, "09575", "44"),
            Some(Kind::RuralCounty)
        );
        assert_eq!(
            kind_of(Level::District, "09564", "41"),
            Some(Kind::IndependentCity)
        );
        assert_eq!(
            kind_of(Level::Municipality, "09575145", "60"),
            Some(Kind::MarketTown)
        );
        assert_eq!(
            kind_of(Level::Municipality, "09575153", "63"),
            Some(Kind::Town)
        );
        assert_eq!(kind_of(Level::District, "09575", "63"), None);
    }
}
