//! Freshness: an offer nobody has confirmed for a while (12 months unless
//! configured otherwise) is stale. "Details still correct" (or saving the
//! offer) confirms it again.

use crate::core::config::Config;

use super::Offer;

/// An average calendar month in seconds.
const MONTH_SECS: i64 = 2_629_746;

/// Offers last confirmed before this moment are stale.
pub fn cutoff(config: &Config, now: i64) -> i64 {
    now - i64::from(config.offers_stale_after_months) * MONTH_SECS
}

/// When the offer was last confirmed: verified, saved, or else created.
pub fn verified_at(offer: &Offer) -> i64 {
    offer.last_verified_at.unwrap_or(offer.created_at)
}

pub fn is_stale(offer: &Offer, cutoff: i64) -> bool {
    verified_at(offer) < cutoff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_is_about_a_year() {
        let config = Config::default();
        let year = 365 * 24 * 3600;
        let c = cutoff(&config, 10 * year);
        assert!((c - 9 * year).abs() < 2 * 24 * 3600, "{c}");
    }
}
