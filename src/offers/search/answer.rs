//! One offer of a result page, written the way the API answers it straight
//! from the JSON the index stores ([`super::index::Stored`]): its texts in
//! the reader's language, its nearest place first and its distance. The
//! stored JSON is split into its members and written again around them;
//! reading every offer into an [`OpenOffer`] and writing it out again
//! took about a tenth of the server's time per search answer.

use serde::{Deserialize, Deserializer, Serialize, Serializer, de, ser::SerializeMap};
use serde_json::value::RawValue;

use super::geo::distance_km;
use crate::{core::ids::NetworkId, offers::model::views::OpenOffer};

/// An offer of a result page, as the API writes it (an [`OpenOffer`] with
/// `content_lang`, and `distance_km` when the reader gave a place).
#[derive(Clone, Debug)]
pub struct FoundOffer {
    pub network_id: NetworkId,
    json: Box<RawValue>,
}

impl FoundOffer {
    /// The offer of a stored entry with its texts in `lang` where it has
    /// them (German otherwise), its places nearest to `near` first (those
    /// without coordinates last), and `distance_km` when given.
    pub fn from_stored(
        stored: &str,
        lang: Option<&str>,
        near: Option<(f64, f64)>,
        distance_km: Option<f64>,
    ) -> serde_json::Result<FoundOffer> {
        let (members, texts) = match lang.filter(|l| *l != "de") {
            None => (serde_json::from_str::<German>(stored)?.offer, None),
            Some(lang) => {
                let entry: Translated = serde_json::from_str(stored)?;
                let texts = entry.translations.into_iter().find(|t| t.lang == lang);
                (entry.offer, texts)
            }
        };
        let network_id = members
            .get("network_id")
            .map(|raw| serde_json::from_str(raw.get()))
            .transpose()?
            .ok_or_else(|| de::Error::missing_field("network_id"))?;
        let places = match (near, members.get("places")) {
            (Some(near), Some(raw)) => Some(nearest_first(raw, near)?),
            _ => None,
        };
        let answer = Answer {
            members: &members,
            content_lang: texts.as_ref().map_or("de", |t| t.lang),
            texts: texts.as_ref(),
            places,
            distance_km,
        };
        Ok(FoundOffer {
            network_id,
            json: serde_json::value::to_raw_value(&answer)?,
        })
    }

    /// The offer read back (for pages that show it rather than write it).
    pub fn offer(&self) -> serde_json::Result<OpenOffer> {
        serde_json::from_str(self.json.get())
    }
}

impl Serialize for FoundOffer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(serializer)
    }
}

#[derive(Deserialize)]
struct German<'a> {
    #[serde(borrow)]
    offer: Members<'a>,
}

#[derive(Deserialize)]
struct Translated<'a> {
    #[serde(borrow)]
    offer: Members<'a>,
    #[serde(borrow)]
    translations: Vec<Texts<'a>>,
}

#[derive(Deserialize)]
struct Texts<'a> {
    lang: &'a str,
    #[serde(borrow)]
    title: &'a RawValue,
    #[serde(borrow)]
    summary: &'a RawValue,
    #[serde(borrow)]
    description: &'a RawValue,
}

/// The members of a JSON object in their order, their values unread.
struct Members<'a>(Vec<(&'a str, &'a RawValue)>);

impl<'a> Members<'a> {
    fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> de::Visitor<'de> for Visitor<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an offer")
            }
            fn visit_map<M: de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut members = Vec::with_capacity(32);
                while let Some(member) = map.next_entry::<&'de str, &'de RawValue>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

/// The places of a stored offer (a JSON array), nearest to `near` first.
fn nearest_first(places: &RawValue, near: (f64, f64)) -> serde_json::Result<Vec<&RawValue>> {
    #[derive(Deserialize)]
    struct At {
        lat: Option<f64>,
        lon: Option<f64>,
    }
    let places: Vec<&RawValue> = serde_json::from_str(places.get())?;
    if places.len() < 2 {
        return Ok(places);
    }
    let mut by_distance = places
        .into_iter()
        .map(|raw| {
            let at: At = serde_json::from_str(raw.get())?;
            let d = at
                .lat
                .zip(at.lon)
                .map_or(f64::MAX, |at| distance_km(near, at));
            Ok((d, raw))
        })
        .collect::<serde_json::Result<Vec<_>>>()?;
    // Stable: equally near places keep their order.
    by_distance.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(by_distance.into_iter().map(|(_, raw)| raw).collect())
}

/// The stored members, with the translated texts and reordered places in
/// their stead, and what a search adds.
struct Answer<'a> {
    members: &'a Members<'a>,
    texts: Option<&'a Texts<'a>>,
    places: Option<Vec<&'a RawValue>>,
    content_lang: &'a str,
    distance_km: Option<f64>,
}

impl Serialize for Answer<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for &(name, value) in &self.members.0 {
            let value = match (name, self.texts) {
                // A search's own members, written below (never stored;
                // skipped so that no member could come twice).
                ("content_lang" | "distance_km", _) => continue,
                ("title", Some(t)) => t.title,
                ("summary", Some(t)) => t.summary,
                ("description", Some(t)) => t.description,
                ("places", _) if self.places.is_some() => {
                    map.serialize_entry(name, &self.places)?;
                    continue;
                }
                _ => value,
            };
            map.serialize_entry(name, value)?;
        }
        map.serialize_entry("content_lang", self.content_lang)?;
        if let Some(d) = self.distance_km {
            map.serialize_entry("distance_km", &d)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::FoundOffer;
    use crate::offers::{
        model::{PlaceRecord, views::OpenOffer},
        search::index::{Stored, Texts},
    };

    fn place(street: &str, at: Option<(f64, f64)>) -> PlaceRecord {
        PlaceRecord {
            street: street.into(),
            lat: at.map(|a| a.0),
            lon: at.map(|a| a.1),
            ..PlaceRecord::default()
        }
    }

    fn stored() -> String {
        let offer: OpenOffer = serde_json::from_value(serde_json::json!({
            "id": 7, "network_id": 3, "provider": "Caritas \"Mitte\"",
            "title": "Migrationsberatung", "summary": "Beratung für Erwachsene",
            "description": "Termine nach *Vereinbarung*", "field": "counselling",
            "offer_type": "mbe", "target_groups": ["refugees"], "age_min": 27,
            "age_max": null, "languages": ["de", "ar"], "cost": "free",
            "wheelchair": true, "appointment": false, "places": [],
            "area": {"whole_kreis": true, "municipalities": []}, "phone": "",
            "email": "", "website": "", "valid_from": null, "valid_until": null,
            "updated_at": 1
        }))
        .unwrap();
        let offer = OpenOffer {
            places: vec![
                place("Fern 1", Some((49.0, 11.0))),
                place("Ohne Ort", None),
                place("Nah 2", Some((49.45, 11.08))),
            ],
            ..offer
        };
        let translations = vec![Texts {
            lang: "ar".into(),
            title: "استشارة الهجرة".into(),
            summary: "للبالغين".into(),
            description: "بموعد".into(),
        }];
        serde_json::to_string(&Stored {
            offer,
            translations,
        })
        .unwrap()
    }

    #[test]
    fn a_found_offer_reads_back_as_the_stored_one_in_the_readers_language() {
        let stored = stored();
        let german = FoundOffer::from_stored(&stored, None, None, None).unwrap();
        assert_eq!(german.network_id.get(), 3);
        let offer = german.offer().unwrap();
        assert_eq!(offer.title, "Migrationsberatung");
        assert_eq!(offer.provider, "Caritas \"Mitte\"");
        assert_eq!(offer.content_lang.as_deref(), Some("de"));
        assert_eq!(offer.distance_km, None);
        let streets = |o: &OpenOffer| {
            o.places
                .iter()
                .map(|p| p.street.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(streets(&offer), ["Fern 1", "Ohne Ort", "Nah 2"]);

        let arabic = FoundOffer::from_stored(&stored, Some("ar"), Some((49.45, 11.08)), Some(0.3))
            .unwrap()
            .offer()
            .unwrap();
        assert_eq!(arabic.title, "استشارة الهجرة");
        assert_eq!(arabic.description, "بموعد");
        assert_eq!(arabic.content_lang.as_deref(), Some("ar"));
        assert_eq!(arabic.distance_km, Some(0.3));
        assert_eq!(
            streets(&arabic),
            ["Nah 2", "Fern 1", "Ohne Ort"],
            "nearest first"
        );
        assert_eq!(arabic.age_min, Some(27));

        let untranslated = FoundOffer::from_stored(&stored, Some("tr"), None, None).unwrap();
        let json: serde_json::Value = serde_json::to_value(&untranslated).unwrap();
        assert_eq!(json["title"], "Migrationsberatung");
        assert_eq!(json["content_lang"], "de");
        assert!(json.get("distance_km").is_none());
    }
}
